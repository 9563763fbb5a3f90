using Emulator.Core.Iam.Groups;
using Emulator.Core.Iam.Policies;

namespace Emulator.Core.Iam.Account;

/// <summary>A group as GetAccountAuthorizationDetails reports it: with its attached policies.</summary>
public sealed record GroupDetail(Group Group, IReadOnlyList<ManagedPolicy> AttachedPolicies);
