namespace Emulator.Core.Iam.AccessKeys;

/// <summary>A long-term access key; <see cref="UserName"/> is null for the account root's keys.</summary>
public sealed record AccessKey(
    string AccountId,
    string? UserName,
    string AccessKeyId,
    string SecretAccessKey,
    bool IsActive,
    DateTimeOffset CreateDate,
    AccessKeyLastUsed? LastUsed)
{
    public string Status => IsActive ? "Active" : "Inactive";
}
