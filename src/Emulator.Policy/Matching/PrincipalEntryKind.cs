namespace Emulator.Policy;

internal enum PrincipalEntryKind : byte
{
    Everyone,
    Account,
    User,
    Role,
    AssumedRoleSession,
    FederatedUser,
    Service,
    Federated,
    CanonicalUser,

    /// <summary>An AWS value that is neither an account nor an IAM/STS principal ARN: matches nobody.</summary>
    Unrecognized,
}
