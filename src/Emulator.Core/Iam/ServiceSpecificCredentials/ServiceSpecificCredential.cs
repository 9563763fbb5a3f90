namespace Emulator.Core.Iam.ServiceSpecificCredentials;

/// <summary>
/// A user's credential for one service: a user name and password (CodeCommit, Keyspaces) or an API key
/// (Bedrock, CloudWatch Logs), kept as a salted hash of the password or key secret — IAM answers them only when
/// issued, so nothing here can be read back.
/// </summary>
public sealed record ServiceSpecificCredential(
    string AccountId,
    string UserName,
    string ServiceName,
    string ServiceSpecificCredentialId,
    string? ServiceUserName,
    string? ServiceCredentialAlias,
    string SecretHash,
    bool IsActive,
    DateTimeOffset CreateDate,
    DateTimeOffset? ExpirationDate)
{
    /// <summary>Expired once past its ExpirationDate, whatever it was set to.</summary>
    public string StatusAt(DateTimeOffset now) =>
        ExpirationDate is { } expiration && expiration <= now ? "Expired" : IsActive ? "Active" : "Inactive";
}
