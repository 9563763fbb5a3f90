using Emulator.Core.Iam.Policies;
using Emulator.Core.Iam.Users;

namespace Emulator.Core.Iam.Account;

/// <summary>A user as GetAccountAuthorizationDetails reports it: with its groups' names and its attached policies.</summary>
public sealed record UserDetail(User User, IReadOnlyList<string> GroupNames, IReadOnlyList<ManagedPolicy> AttachedPolicies);
