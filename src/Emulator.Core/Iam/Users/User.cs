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
    public string Arn => $"arn:aws:iam::{AccountId}:user{Path}{UserName}";
}
