using Emulator.Core.Iam.Policies;

namespace Emulator.Core.Iam.Account;

/// <summary>
/// GetAccountAuthorizationDetails as one snapshot of the account: the entity kinds the filter asks for, each
/// sorted as IAM lists them; AWS managed policies only when something in the account uses them. One page of
/// MaxItems entries counted across the four lists (users, then groups, roles and policies).
/// </summary>
public sealed record AccountAuthorizationDetails(
    IReadOnlyList<UserDetail> Users,
    IReadOnlyList<GroupDetail> Groups,
    IReadOnlyList<RoleDetail> Roles,
    IReadOnlyList<ManagedPolicyDetail> Policies,
    bool IsTruncated = false,
    string? Marker = null);
