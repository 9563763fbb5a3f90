namespace Emulator.Core.Identity;

/// <summary>The values of aws:PrincipalType.</summary>
public enum PrincipalType
{
    Account,
    User,
    AssumedRole,
    FederatedUser,

    /// <summary>An unsigned AssumeRoleWithWebIdentity or AssumeRoleWithSAML caller, known by its identity provider and token or assertion.</summary>
    WebIdentity,
}
