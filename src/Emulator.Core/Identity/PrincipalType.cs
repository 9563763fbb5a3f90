namespace Emulator.Core.Identity;

/// <summary>The values of aws:PrincipalType.</summary>
public enum PrincipalType
{
    Account,
    User,
    AssumedRole,
    FederatedUser,

    /// <summary>An unsigned AssumeRoleWithWebIdentity caller, known by its OIDC provider and token.</summary>
    WebIdentity,
}
