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
    public string Arn => $"arn:aws:iam::{OwnerAccountId}:policy{Path}{PolicyName}";

    public bool IsAwsManaged => OwnerAccountId == "aws";

    public PolicyVersion DefaultVersion => Versions.First(v => v.VersionId == DefaultVersionId);
}
