namespace Emulator.Core.Iam.Reports;

/// <summary>The account's latest credential report: the CSV as it was built at <see cref="GeneratedTime"/>.</summary>
public sealed record CredentialReport(string AccountId, DateTimeOffset GeneratedTime, string Content)
{
    /// <summary>The one row key of the account's report table (an account has one report at a time).</summary>
    public const string Key = "current";
}
