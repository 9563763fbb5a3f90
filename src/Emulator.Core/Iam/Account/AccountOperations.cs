using Emulator.Core.Errors;
using Emulator.Core.Iam.Paging;
using Emulator.Core.Iam.Policies;
using Emulator.Core.Iam.Validation;
using Emulator.Core.Store;
using Emulator.Policy;

namespace Emulator.Core.Iam.Account;

/// <summary>Account-wide IAM calls (alias, summary, authorization details) and the accounts themselves.</summary>
public sealed class AccountOperations(IamContext context)
{
    private static readonly string[] AuthorizationDetailsFilters = ["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"];

    /// <summary>The ids of every account the emulator holds, in id order.</summary>
    public IReadOnlyList<string> AccountIds() =>
        context.Store.Read(state => state.Accounts.Keys.Order(StringComparer.Ordinal).ToList());

    /// <summary>
    /// Creates an empty account unless one with this id exists (lenient authentication's unknown keys);
    /// true when it was created. The account's CreateDate is now, at the clock's full precision.
    /// </summary>
    /// <summary>Creates the account in <paramref name="partition"/> unless it exists (in whichever partition); true when created.</summary>
    public bool CreateIfAbsent(string accountId, string partition = AwsPartitions.Aws)
    {
        var now = context.Clock.GetUtcNow();
        return context.Store.Write(state =>
        {
            if (state.Accounts.ContainsKey(accountId))
            {
                return false;
            }

            state.Accounts[accountId] = new AccountState(accountId, partition) { CreateDate = now };
            return true;
        });
    }

    /// <summary>The partition the account lives in.</summary>
    public string Partition(string accountId) =>
        context.Store.Read(state => IamRules.Account(state, accountId).Partition);

    /// <summary>When the account came to be: GetUser answers the root with it.</summary>
    public DateTimeOffset CreateDate(string accountId) =>
        context.Store.Read(state => IamRules.Account(state, accountId).CreateDate);
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

    /// <summary>GetAccountSummary's SummaryMap: usage counts and the quotas in force (AWS's defaults unless adjusted).</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Summary(string accountId) =>
        context.Store.Read(state =>
        {
            var quotas = context.Quotas;
            var account = IamRules.Account(state, accountId);
            return (IReadOnlyList<KeyValuePair<string, int>>)
            [
                new("Users", account.Users.Count),
                new("UsersQuota", quotas.UsersPerAccount),
                new("Groups", account.Groups.Count),
                new("GroupsQuota", quotas.GroupsPerAccount),
                new("Roles", account.Roles.Count),
                new("RolesQuota", quotas.RolesPerAccount),
                new("InstanceProfiles", account.InstanceProfiles.Count),
                new("InstanceProfilesQuota", quotas.InstanceProfilesPerAccount),
                new("Policies", account.Policies.Count),
                new("PoliciesQuota", quotas.PoliciesPerAccount),
                new("PolicyVersionsInUse", account.Policies.Values.Sum(p => p.Versions.Count)),
                new("PolicyVersionsInUseQuota", 10000),
                new("PolicySizeQuota", quotas.PolicySize),
                new("VersionsPerPolicyQuota", quotas.VersionsPerPolicy),
                new("AttachedPoliciesPerRoleQuota", quotas.PoliciesPerRole),
                new("AttachedPoliciesPerUserQuota", quotas.PoliciesPerUser),
                new("AttachedPoliciesPerGroupQuota", quotas.PoliciesPerGroup),
                new("AccessKeysPerUserQuota", quotas.AccessKeysPerUser),
                new("GroupsPerUserQuota", quotas.GroupsPerUser),
                new("UserPolicySizeQuota", quotas.UserPolicySize),
                new("GroupPolicySizeQuota", quotas.GroupPolicySize),
                new("RolePolicySizeQuota", quotas.RolePolicySize),
                new("AssumeRolePolicySizeQuota", quotas.ACLSizePerRole),
                new("AccountAccessKeysPresent", account.AccessKeys.Values.Any(k => k.UserName is null) ? 1 : 0),
                new("AccountMFAEnabled", 0),
                new("MFADevices", account.MfaDevices.Count),
                new("MFADevicesInUse", account.MfaDevices.Values.Count(d => d.IsEnabled)),
                new("Providers", account.OpenIdConnectProviders.Count + account.SamlProviders.Count),
                new("GlobalEndpointTokenVersion", SecurityTokenServicePreferenceOperations.SummaryValue(account.GlobalEndpointTokenVersion)),
                new("ServerCertificates", account.ServerCertificates.Count),
                new("ServerCertificatesQuota", quotas.ServerCertificatesPerAccount),
            ];
        });

    /// <summary>
    /// GetAccountAuthorizationDetails: <paramref name="filter"/> names the kinds wanted (none: all). Users,
    /// groups and roles come sorted by name, policies by ARN; an AWS managed policy is listed only while
    /// something in the account attaches it or uses it as a boundary.
    /// </summary>
    public AccountAuthorizationDetails AuthorizationDetails(string accountId, IReadOnlyList<string> filter, string? marker = null, int? maxItems = null)
    {
        var validator = new ParameterValidator();
        for (var i = 0; i < filter.Count; i++)
        {
            validator.OneOf($"filter.{i + 1}.member", filter[i], AuthorizationDetailsFilters);
        }

        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        bool Wants(string kind) => filter.Count == 0 || filter.Contains(kind);
        return context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            List<ManagedPolicy> Attached(IEnumerable<string> arns) => IamRules.AttachedPolicies(state, account, arns, null).ToList();
            var users = account.Users.Values.Where(_ => Wants("User")).OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase)
                .Select(user => new UserDetail(
                    user,
                    account.Groups.Values.Where(g => g.UserNames.Contains(user.UserName)).Select(g => g.GroupName).ToList(),
                    Attached(user.AttachedPolicyArns)))
                .ToList();
            var groups = account.Groups.Values.Where(_ => Wants("Group")).OrderBy(g => g.GroupName, StringComparer.OrdinalIgnoreCase)
                .Select(group => new GroupDetail(group, Attached(group.AttachedPolicyArns)))
                .ToList();
            var roles = account.Roles.Values.Where(_ => Wants("Role")).OrderBy(r => r.RoleName, StringComparer.OrdinalIgnoreCase)
                .Select(role => new RoleDetail(
                    role,
                    account.InstanceProfiles.Values.Where(p => string.Equals(p.RoleName, role.RoleName, StringComparison.OrdinalIgnoreCase)).ToList(),
                    Attached(role.AttachedPolicyArns)))
                .ToList();
            // AWS managed policies appear only when used in the account: looked up from the usage, not by walking the catalogue.
            var usage = ManagedPolicyOperations.UsageIndex(account);
            var local = account.Policies.Values.Where(_ => Wants("LocalManagedPolicy"));
            var aws = usage.Keys.Where(_ => Wants("AWSManagedPolicy"))
                .Select(arn => state.AwsManagedPolicies.GetValueOrDefault(arn)).OfType<ManagedPolicy>();
            var policies = local.Concat(aws)
                .Select(p => new ManagedPolicyDetail(p, usage.GetValueOrDefault(p.Arn) ?? new PolicyUsage(0, 0)))
                .OrderBy(d => d.Policy.Arn, StringComparer.Ordinal)
                .ToList();
            static string UserKey(UserDetail d) => Paginator.CombinedKey(1, d.User.UserName);
            static string GroupKey(GroupDetail d) => Paginator.CombinedKey(2, d.Group.GroupName);
            static string RoleKey(RoleDetail d) => Paginator.CombinedKey(3, d.Role.RoleName);
            static string PolicyKey(ManagedPolicyDetail d) => $"4 {d.Policy.Arn}";
            var page = Paginator.PageOfKeys(
                users.Select(UserKey).Concat(groups.Select(GroupKey)).Concat(roles.Select(RoleKey)).Concat(policies.Select(PolicyKey)), marker, maxItems);
            var onPage = page.Items.ToHashSet(StringComparer.Ordinal);
            return new AccountAuthorizationDetails(
                users.Where(d => onPage.Contains(UserKey(d))).ToList(),
                groups.Where(d => onPage.Contains(GroupKey(d))).ToList(),
                roles.Where(d => onPage.Contains(RoleKey(d))).ToList(),
                policies.Where(d => onPage.Contains(PolicyKey(d))).ToList(),
                page.IsTruncated,
                page.Marker);
        });
    }
}
