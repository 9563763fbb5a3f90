using Emulator.Core.Iam.InstanceProfiles;
using Emulator.Core.Iam.Policies;
using Emulator.Core.Iam.Roles;

namespace Emulator.Core.Iam.Account;

/// <summary>A role as GetAccountAuthorizationDetails reports it: with the instance profiles holding it and its attached policies.</summary>
public sealed record RoleDetail(Role Role, IReadOnlyList<InstanceProfile> InstanceProfiles, IReadOnlyList<ManagedPolicy> AttachedPolicies);
