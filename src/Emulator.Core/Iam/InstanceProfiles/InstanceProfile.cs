using System.Collections.Immutable;
using Emulator.Core.Iam.Tags;

namespace Emulator.Core.Iam.InstanceProfiles;

/// <summary>An instance profile holds at most one role (AWS quota InstanceSessionsPerInstanceProfile = 1).</summary>
public sealed record InstanceProfile(
    string AccountId,
    string InstanceProfileName,
    string Path,
    string InstanceProfileId,
    DateTimeOffset CreateDate,
    string? RoleName,
    ImmutableList<Tag> Tags)
{
    /// <summary>The partition of the account the entity belongs to (AWS managed policies: of the account that reads them).</summary>
    public string Partition { get; init; } = Emulator.Policy.AwsPartitions.Aws;

    public string Arn => Emulator.Policy.Arn.Iam(Partition, AccountId, $"instance-profile{Path}{InstanceProfileName}").ToString();
}
