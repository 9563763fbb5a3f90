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
    public string Arn => $"arn:aws:iam::{AccountId}:instance-profile{Path}{InstanceProfileName}";
}
