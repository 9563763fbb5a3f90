namespace Emulator.Core.Identity;

/// <summary>The values of aws:PrincipalType.</summary>
public enum PrincipalType
{
    Account,
    User,
    AssumedRole,
    FederatedUser,
}
