using Emulator.Core.Errors;
using Emulator.Core.Iam.Validation;

namespace Emulator.Core.Iam.Account;

/// <summary>Account-wide IAM calls: the account alias and the summary counts.</summary>
public sealed class AccountOperations(IamContext context)
{
    /// <summary>Sets the alias; aliases are unique across all accounts and an account has at most one (a new one replaces it).</summary>
    public void CreateAlias(string accountId, string? alias)
    {
        new ParameterValidator().Required("accountAlias", alias).Length("accountAlias", alias, 3, 63)
            .Pattern("accountAlias", alias, ModelPattern.AccountAlias).ThrowIfInvalid();
        if (alias!.Length == 12 && alias.All(char.IsAsciiDigit))
        {
            throw IamErrors.ValidationError("The account alias cannot be a 12-digit number.");
        }

        context.Store.Write(state =>
        {
            if (state.Accounts.Values.Any(a => a.AccountId != accountId && a.Alias == alias))
            {
                throw IamErrors.EntityAlreadyExists($"The account alias {alias} already exists.");
            }

            return IamRules.Account(state, accountId).Alias = alias;
        });
    }

    public void DeleteAlias(string accountId, string? alias)
    {
        new ParameterValidator().Required("accountAlias", alias).Length("accountAlias", alias, 3, 63).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            if (account.Alias != alias)
            {
                throw IamErrors.NoSuchEntity($"The account alias {alias} cannot be found.");
            }

            account.Alias = null;
            return true;
        });
    }

    public IReadOnlyList<string> ListAliases(string accountId) =>
        context.Store.Read(state => IamRules.Account(state, accountId).Alias is { } alias ? new[] { alias } : []);

    /// <summary>GetAccountSummary's SummaryMap: usage counts and the quotas this emulator enforces.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Summary(string accountId) =>
        context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            return (IReadOnlyList<KeyValuePair<string, int>>)
            [
                new("Users", account.Users.Count),
                new("UsersQuota", Users.UserOperations.MaxUsers),
                new("Groups", account.Groups.Count),
                new("GroupsQuota", Groups.GroupOperations.MaxGroups),
                new("Roles", account.Roles.Count),
                new("RolesQuota", Roles.RoleOperations.MaxRoles),
                new("InstanceProfiles", account.InstanceProfiles.Count),
                new("InstanceProfilesQuota", InstanceProfiles.InstanceProfileOperations.MaxInstanceProfiles),
                new("Policies", account.Policies.Count),
                new("PoliciesQuota", Policies.ManagedPolicyOperations.MaxPolicies),
                new("PolicyVersionsInUse", account.Policies.Values.Sum(p => p.Versions.Count)),
                new("PolicyVersionsInUseQuota", 10000),
                new("PolicySizeQuota", Policies.ManagedPolicyOperations.PolicySizeQuota),
                new("VersionsPerPolicyQuota", Policies.ManagedPolicyOperations.MaxVersions),
                new("AttachedPoliciesPerRoleQuota", IamRules.MaxAttachedPolicies),
                new("AttachedPoliciesPerUserQuota", IamRules.MaxAttachedPolicies),
                new("AttachedPoliciesPerGroupQuota", IamRules.MaxAttachedPolicies),
                new("AccessKeysPerUserQuota", AccessKeys.AccessKeyOperations.MaxKeysPerUser),
                new("GroupsPerUserQuota", Groups.GroupOperations.MaxGroupsPerUser),
                new("UserPolicySizeQuota", Users.UserOperations.InlinePolicySizeQuota),
                new("GroupPolicySizeQuota", Groups.GroupOperations.InlinePolicySizeQuota),
                new("RolePolicySizeQuota", Roles.RoleOperations.InlinePolicySizeQuota),
                new("AssumeRolePolicySizeQuota", Roles.RoleOperations.TrustPolicySizeQuota),
                new("AccountAccessKeysPresent", account.AccessKeys.Values.Any(k => k.UserName is null) ? 1 : 0),
                new("AccountMFAEnabled", 0),
                new("MFADevices", 0),
                new("MFADevicesInUse", 0),
                new("Providers", account.OpenIdConnectProviders.Count),
            ];
        });
}
