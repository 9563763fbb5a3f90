using System.Collections.Immutable;
using Emulator.Core.Iam.Tags;

namespace Emulator.Core.Iam.Policies;

/// <summary>A customer or AWS managed policy; <see cref="OwnerAccountId"/> is "aws" for AWS managed ones.</summary>
public sealed record ManagedPolicy(
    string OwnerAccountId,
    string PolicyName,
    string Path,
    string PolicyId,
    string? Description,
    DateTimeOffset CreateDate,
    DateTimeOffset UpdateDate,
    string DefaultVersionId,
    ImmutableList<PolicyVersion> Versions,
    int NextVersionNumber,
    ImmutableList<Tag> Tags)
{
    /// <summary>The partition of the account the entity belongs to (AWS managed policies: of the account that reads them).</summary>
    public string Partition { get; init; } = Emulator.Policy.AwsPartitions.Aws;

    public string Arn => Emulator.Policy.Arn.Iam(Partition, OwnerAccountId, $"policy{Path}{PolicyName}").ToString();

    public bool IsAwsManaged => OwnerAccountId == "aws";

    public PolicyVersion DefaultVersion => Versions.First(v => v.VersionId == DefaultVersionId);
}
