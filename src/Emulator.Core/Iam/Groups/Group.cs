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
    public string Arn => $"arn:aws:iam::{AccountId}:group{Path}{GroupName}";
}
