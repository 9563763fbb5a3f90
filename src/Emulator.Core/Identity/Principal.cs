namespace Emulator.Core.Identity;

/// <summary>Who signed a request, as GetCallerIdentity and the aws:* condition keys describe it.</summary>
public sealed record Principal(
    PrincipalType Type,
    string AccountId,
    string Arn,
    string UserId,
    string? UserName,
    string? AccessKeyId)
{
    public bool IsRoot => Type == PrincipalType.Account;

    public static Principal Root(string accountId, string? accessKeyId) =>
        new(PrincipalType.Account, accountId, $"arn:aws:iam::{accountId}:root", accountId, null, accessKeyId);
}
