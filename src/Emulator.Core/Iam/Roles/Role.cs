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
    public string Arn => $"arn:aws:iam::{AccountId}:role{Path}{RoleName}";

    /// <summary>Made by CreateServiceLinkedRole: only its service may change or delete it.</summary>
    public bool ServiceLinked { get; init; }
}
