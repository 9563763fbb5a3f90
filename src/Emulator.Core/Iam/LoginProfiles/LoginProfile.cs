using System.Collections.Immutable;

namespace Emulator.Core.Iam.LoginProfiles;

/// <summary>
/// A user's console password. Only hashes are kept: the current one and the earlier ones that
/// the account's reuse prevention looks back on (newest first).
/// </summary>
public sealed record LoginProfile(
    string AccountId,
    string UserName,
    DateTimeOffset CreateDate,
    bool PasswordResetRequired,
    string PasswordHash,
    DateTimeOffset PasswordChangedDate,
    ImmutableList<string> PreviousPasswordHashes,
    DateTimeOffset? PasswordLastUsed)
{
    /// <summary>The most earlier passwords any policy can ask about (PasswordReusePrevention is at most 24, the current one included).</summary>
    public const int KeptHistory = 23;

    /// <summary>The current password's hash followed by the earlier ones, newest first.</summary>
    public IEnumerable<string> RecentHashes() => PreviousPasswordHashes.Insert(0, PasswordHash);

    public LoginProfile WithNewPassword(string hash, DateTimeOffset now, bool resetRequired) => this with
    {
        PasswordHash = hash,
        PasswordChangedDate = now,
        PasswordResetRequired = resetRequired,
        PreviousPasswordHashes = PreviousPasswordHashes.Insert(0, PasswordHash).Take(KeptHistory).ToImmutableList(),
    };
}
