using System.Collections.Immutable;
using Emulator.Core.Iam.Policies;

namespace Emulator.Core.Iam.Groups;

public sealed record Group(
    string AccountId,
    string GroupName,
    string Path,
    string GroupId,
    DateTimeOffset CreateDate,
    ImmutableList<string> UserNames,
    ImmutableList<InlinePolicy> InlinePolicies,
    ImmutableList<string> AttachedPolicyArns)
{
    /// <summary>The partition of the account the entity belongs to (AWS managed policies: of the account that reads them).</summary>
    public string Partition { get; init; } = Emulator.Policy.AwsPartitions.Aws;

    public string Arn => Emulator.Policy.Arn.Iam(Partition, AccountId, $"group{Path}{GroupName}").ToString();
}
