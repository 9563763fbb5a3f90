using System.Text.Json.Serialization;

namespace Emulator.Core.Iam.Reports;

/// <summary>
/// The last attempt (allowed or denied) of one IAM user or role for one action (<c>iam:GetUser</c>), to the second, and the region
/// it was made in. <see cref="EntityId"/> tells a recreated entity of the same name from the one that made the call.
/// </summary>
public sealed record ServiceAccessRecord(string AccountId, string EntityArn, string EntityId, string Action, DateTimeOffset LastAuthenticated, string Region)
{
    [JsonIgnore]
    public string ServiceNamespace => Action[..Math.Max(0, Action.IndexOf(':', StringComparison.Ordinal))];

    [JsonIgnore]
    public string ActionName => Action[(Action.IndexOf(':', StringComparison.Ordinal) + 1)..];

    public static string KeyOf(string entityArn, string action) => $"{entityArn}|{action.ToLowerInvariant()}";
}
