using System.Collections.Immutable;
using Emulator.Core.Iam.Policies;
using Emulator.Core.Iam.Tags;

namespace Emulator.Core.Iam.Roles;

public sealed record Role(
    string AccountId,
    string RoleName,
    string Path,
    string RoleId,
    DateTimeOffset CreateDate,
    StoredPolicy AssumeRolePolicy,
    string? Description,
    int MaxSessionDuration,
    string? PermissionsBoundaryArn,
    ImmutableList<Tag> Tags,
    ImmutableList<InlinePolicy> InlinePolicies,
    ImmutableList<string> AttachedPolicyArns,
    RoleLastUsed? LastUsed)
{
    /// <summary>The partition of the account the entity belongs to (AWS managed policies: of the account that reads them).</summary>
    public string Partition { get; init; } = Emulator.Policy.AwsPartitions.Aws;

    public string Arn => Emulator.Policy.Arn.Iam(Partition, AccountId, $"role{Path}{RoleName}").ToString();

    /// <summary>Made by CreateServiceLinkedRole: only its service may change or delete it.</summary>
    public bool ServiceLinked { get; init; }
}
