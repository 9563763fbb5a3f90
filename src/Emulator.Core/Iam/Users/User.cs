using System.Collections.Immutable;
using Emulator.Core.Iam.Policies;
using Emulator.Core.Iam.Tags;

namespace Emulator.Core.Iam.Users;

public sealed record User(
    string AccountId,
    string UserName,
    string Path,
    string UserId,
    DateTimeOffset CreateDate,
    string? PermissionsBoundaryArn,
    ImmutableList<Tag> Tags,
    ImmutableList<InlinePolicy> InlinePolicies,
    ImmutableList<string> AttachedPolicyArns)
{
    /// <summary>The partition of the account the entity belongs to (AWS managed policies: of the account that reads them).</summary>
    public string Partition { get; init; } = Emulator.Policy.AwsPartitions.Aws;

    public string Arn => Emulator.Policy.Arn.Iam(Partition, AccountId, $"user{Path}{UserName}").ToString();
}
