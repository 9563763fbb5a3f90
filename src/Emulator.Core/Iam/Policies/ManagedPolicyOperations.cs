using Emulator.Core.Errors;
using Emulator.Core.Iam.Paging;
using Emulator.Core.Iam.Tags;
using Emulator.Core.Iam.Validation;
using Emulator.Core.Store;
using Emulator.Policy;

namespace Emulator.Core.Iam.Policies;

/// <summary>Managed policies and their versions (at most five; version ids are never reused).</summary>
public sealed class ManagedPolicyOperations(IamContext context)
{
    public ManagedPolicy Create(string accountId, string? policyName, string? path, string? policyDocument, string? description, IReadOnlyList<Tag> tags)
    {
        var validator = new ParameterValidator().Name("policyName", policyName, 128).Path("path", path, ModelPattern.PolicyPath)
            .PolicyDocument("policyDocument", policyDocument).Length("description", description, 0, 1000);
        validator.ThrowIfInvalid();
        TagRules.Validate(validator, tags, caseInsensitiveKeys: false);
        var document = ParseManaged(policyDocument!);
        return context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            IamRules.RequirePartition(document, account);
            var now = context.Now();
            var policy = new ManagedPolicy(accountId, policyName!, path ?? "/", context.Ids.UniqueId("ANPA"), description, now, now,
                "v1", [new PolicyVersion("v1", document, now)], 2, [.. tags]) { Partition = account.Partition };
            if (account.Policies.Values.Any(p => string.Equals(p.PolicyName, policyName, StringComparison.OrdinalIgnoreCase)))
            {
                throw IamErrors.EntityAlreadyExists($"A policy called {policyName} already exists. Duplicate names are not allowed.");
            }

            if (account.Policies.Count >= context.Quotas.PoliciesPerAccount)
            {
                throw IamErrors.LimitExceeded($"Cannot exceed quota for PoliciesPerAccount: {context.Quotas.PoliciesPerAccount}");
            }

            account.Policies[policy.Arn] = policy;
            return policy;
        });
    }

    public ManagedPolicy Get(string accountId, string? policyArn)
    {
        new ParameterValidator().Arn("policyArn", policyArn).ThrowIfInvalid();
        return context.Store.Read(state => Find(state, IamRules.Account(state, accountId), policyArn!));
    }

    /// <summary>GetPolicy: the policy and its usage counts in one snapshot.</summary>
    public ManagedPolicyDetail GetDetail(string accountId, string? policyArn)
    {
        new ParameterValidator().Arn("policyArn", policyArn).ThrowIfInvalid();
        return context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            var policy = Find(state, account, policyArn!);
            return new ManagedPolicyDetail(policy, Usage(account, policy.Arn));
        });
    }

    /// <summary>ListPolicies: Scope All|AWS|Local, OnlyAttached, PathPrefix, PolicyUsageFilter; each policy with the usage counts it was filtered by.</summary>
    public Page<ManagedPolicyDetail> List(string accountId, string? scope, bool onlyAttached, string? pathPrefix, string? usageFilter, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().OneOf("scope", scope, "All", "AWS", "Local")
            .Path("pathPrefix", pathPrefix, ModelPattern.PolicyPath)
            .OneOf("policyUsageFilter", usageFilter, "PermissionsPolicy", "PermissionsBoundary");
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var policies = context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            IEnumerable<ManagedPolicy> all = (scope ?? "All") switch
            {
                "AWS" => state.AwsManagedPoliciesIn(account.Partition),
                "Local" => account.Policies.Values,
                _ => account.Policies.Values.Concat(state.AwsManagedPoliciesIn(account.Partition)),
            };
            var usage = UsageIndex(account);
            return all.Where(p => pathPrefix is null || p.Path.StartsWith(pathPrefix, StringComparison.Ordinal))
                .Select(p => new ManagedPolicyDetail(p, usage.GetValueOrDefault(p.Arn, Unused)))
                .Where(x => !onlyAttached || x.Usage.Attachments > 0 || (usageFilter == "PermissionsBoundary" && x.Usage.Boundaries > 0))
                .Where(x => usageFilter != "PermissionsBoundary" || !onlyAttached || x.Usage.Boundaries > 0)
                .ToList();
        });
        return Paginator.Paginate(policies, x => x.Policy.Arn, marker, maxItems);
    }

    public void Delete(string accountId, string? policyArn)
    {
        new ParameterValidator().Arn("policyArn", policyArn).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var policy = FindCustomer(state, account, policyArn!);
            if (Usage(account, policy.Arn).Attachments > 0)
            {
                throw IamErrors.DeleteConflict("Cannot delete a policy attached to entities.");
            }

            if (policy.Versions.Count > 1)
            {
                throw IamErrors.DeleteConflict("This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.");
            }

            return account.Policies.Remove(policy.Arn);
        });
    }

    public PolicyVersion CreateVersion(string accountId, string? policyArn, string? policyDocument, bool setAsDefault)
    {
        new ParameterValidator().Arn("policyArn", policyArn).PolicyDocument("policyDocument", policyDocument).ThrowIfInvalid();
        var document = ParseManaged(policyDocument!);
        return context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            IamRules.RequirePartition(document, account);
            var policy = FindCustomer(state, account, policyArn!);
            if (policy.Versions.Count >= context.Quotas.VersionsPerPolicy)
            {
                throw IamErrors.LimitExceeded($"A managed policy can have up to {context.Quotas.VersionsPerPolicy} versions. Before you create a new version, you must delete an existing version.");
            }

            var now = context.Now();
            var version = new PolicyVersion($"v{policy.NextVersionNumber}", document, now);
            account.Policies[policy.Arn] = policy with
            {
                Versions = policy.Versions.Add(version),
                NextVersionNumber = policy.NextVersionNumber + 1,
                DefaultVersionId = setAsDefault ? version.VersionId : policy.DefaultVersionId,
                UpdateDate = setAsDefault ? now : policy.UpdateDate,
            };
            return version;
        });
    }

    public (ManagedPolicy Policy, PolicyVersion Version) GetVersion(string accountId, string? policyArn, string? versionId)
    {
        ValidateVersionId(new ParameterValidator().Arn("policyArn", policyArn), versionId).ThrowIfInvalid();
        return context.Store.Read(state =>
        {
            var policy = Find(state, IamRules.Account(state, accountId), policyArn!);
            return (policy, FindVersion(policy, versionId!));
        });
    }

    public (ManagedPolicy Policy, Page<PolicyVersion> Versions) ListVersions(string accountId, string? policyArn, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Arn("policyArn", policyArn);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var policy = Get(accountId, policyArn);
        var ordered = policy.Versions.OrderByDescending(v => int.Parse(v.VersionId[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return (policy, Paginator.Paginate(ordered, v => (int.MaxValue - int.Parse(v.VersionId[1..], System.Globalization.CultureInfo.InvariantCulture)).ToString("D10", System.Globalization.CultureInfo.InvariantCulture), marker, maxItems));
    }

    public void DeleteVersion(string accountId, string? policyArn, string? versionId)
    {
        ValidateVersionId(new ParameterValidator().Arn("policyArn", policyArn), versionId).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var policy = FindCustomer(state, account, policyArn!);
            var version = FindVersion(policy, versionId!);
            if (version.VersionId == policy.DefaultVersionId)
            {
                throw IamErrors.DeleteConflict("Cannot delete the default version of a policy.");
            }

            return account.Policies[policy.Arn] = policy with { Versions = policy.Versions.Remove(version) };
        });
    }

    public void SetDefaultVersion(string accountId, string? policyArn, string? versionId)
    {
        ValidateVersionId(new ParameterValidator().Arn("policyArn", policyArn), versionId).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var policy = FindCustomer(state, account, policyArn!);
            var version = FindVersion(policy, versionId!);
            return account.Policies[policy.Arn] = policy with { DefaultVersionId = version.VersionId, UpdateDate = context.Now() };
        });
    }

    /// <summary>The roles, users and groups a policy is attached to (ListEntitiesForPolicy).</summary>
    public PolicyEntities ListEntities(string accountId, string? policyArn, string? entityFilter, string? pathPrefix, string? marker = null, int? maxItems = null)
    {
        var validator = new ParameterValidator().Arn("policyArn", policyArn)
            .OneOf("entityFilter", entityFilter, "User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy")
            .Path("pathPrefix", pathPrefix);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        return context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            var policy = Find(state, account, policyArn!);
            bool Wanted(string kind, string path) =>
                (entityFilter is null || entityFilter == kind) && (pathPrefix is null || path.StartsWith(pathPrefix, StringComparison.Ordinal));
            var roles = account.Roles.Values.Where(r => r.AttachedPolicyArns.Contains(policy.Arn) && Wanted("Role", r.Path)).OrderBy(r => r.RoleName, StringComparer.OrdinalIgnoreCase).ToList();
            var users = account.Users.Values.Where(u => u.AttachedPolicyArns.Contains(policy.Arn) && Wanted("User", u.Path)).OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase).ToList();
            var groups = account.Groups.Values.Where(g => g.AttachedPolicyArns.Contains(policy.Arn) && Wanted("Group", g.Path)).OrderBy(g => g.GroupName, StringComparer.OrdinalIgnoreCase).ToList();
            var page = Paginator.PageOfKeys(
                groups.Select(g => Paginator.CombinedKey(1, g.GroupName)).Concat(users.Select(u => Paginator.CombinedKey(2, u.UserName)))
                    .Concat(roles.Select(r => Paginator.CombinedKey(3, r.RoleName))),
                marker,
                maxItems);
            var onPage = page.Items.ToHashSet(StringComparer.Ordinal);
            return new PolicyEntities(
                roles.Where(r => onPage.Contains(Paginator.CombinedKey(3, r.RoleName))).ToList(),
                users.Where(u => onPage.Contains(Paginator.CombinedKey(2, u.UserName))).ToList(),
                groups.Where(g => onPage.Contains(Paginator.CombinedKey(1, g.GroupName))).ToList(),
                page.IsTruncated,
                page.Marker);
        });
    }

    public void Tag(string accountId, string? policyArn, IReadOnlyList<Tag> tags)
    {
        var validator = new ParameterValidator().Arn("policyArn", policyArn);
        validator.ThrowIfInvalid();
        TagRules.Validate(validator, tags, caseInsensitiveKeys: false);
        ChangeCustomer(accountId, policyArn!, p => p with { Tags = TagRules.Apply(p.Tags, tags, caseInsensitiveKeys: false) });
    }

    public void Untag(string accountId, string? policyArn, IReadOnlyList<string> tagKeys)
    {
        var validator = new ParameterValidator().Arn("policyArn", policyArn);
        TagRules.ValidateKeys(validator, tagKeys);
        validator.ThrowIfInvalid();
        ChangeCustomer(accountId, policyArn!, p => p with { Tags = TagRules.Remove(p.Tags, tagKeys, caseInsensitiveKeys: false) });
    }

    public Page<Tag> ListTags(string accountId, string? policyArn, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Arn("policyArn", policyArn);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        return Paginator.Paginate(Get(accountId, policyArn).Tags, t => t.Key, marker, maxItems);
    }

    /// <summary>How many entities in the account use the policy as a permissions policy and as a boundary.</summary>
    private static readonly PolicyUsage Unused = new(0, 0);

    /// <summary>Every policy's usage in the account, from one pass over its roles, users and groups (for listings).</summary>
    public static Dictionary<string, PolicyUsage> UsageIndex(AccountState account)
    {
        var index = new Dictionary<string, PolicyUsage>(StringComparer.Ordinal);
        void Count(string arn, int attachments, int boundaries)
        {
            var current = index.GetValueOrDefault(arn, Unused);
            index[arn] = new PolicyUsage(current.Attachments + attachments, current.Boundaries + boundaries);
        }

        foreach (var arns in account.Roles.Values.Select(r => r.AttachedPolicyArns)
            .Concat(account.Users.Values.Select(u => u.AttachedPolicyArns)).Concat(account.Groups.Values.Select(g => g.AttachedPolicyArns)))
        {
            foreach (var arn in arns)
            {
                Count(arn, 1, 0);
            }
        }

        foreach (var arn in account.Roles.Values.Select(r => r.PermissionsBoundaryArn).Concat(account.Users.Values.Select(u => u.PermissionsBoundaryArn)))
        {
            if (arn is not null)
            {
                Count(arn, 0, 1);
            }
        }

        return index;
    }

    public static PolicyUsage Usage(AccountState account, string policyArn) => new(
        account.Roles.Values.Count(r => r.AttachedPolicyArns.Contains(policyArn))
            + account.Users.Values.Count(u => u.AttachedPolicyArns.Contains(policyArn))
            + account.Groups.Values.Count(g => g.AttachedPolicyArns.Contains(policyArn)),
        account.Roles.Values.Count(r => r.PermissionsBoundaryArn == policyArn)
            + account.Users.Values.Count(u => u.PermissionsBoundaryArn == policyArn));

    public static ManagedPolicy Find(EmulatorState state, AccountState account, string policyArn)
    {
        if (!IamRules.IsPolicyArn(policyArn, account))
        {
            throw IamErrors.InvalidInput($"ARN {policyArn} is not valid.");
        }

        return IamRules.FindPolicy(state, account, policyArn) ?? throw IamErrors.NoSuchEntity($"Policy {policyArn} was not found.");
    }

    private static ManagedPolicy FindCustomer(EmulatorState state, AccountState account, string policyArn)
    {
        var policy = Find(state, account, policyArn);
        return policy.IsAwsManaged
            ? throw IamErrors.AccessDenied($"User is not authorized to modify the AWS managed policy {policyArn}.")
            : policy;
    }

    private static PolicyVersion FindVersion(ManagedPolicy policy, string versionId) =>
        policy.Versions.Find(v => v.VersionId == versionId)
        ?? throw IamErrors.NoSuchEntity($"Policy {policy.Arn} version {versionId} does not exist or is not attachable.");

    private static ParameterValidator ValidateVersionId(ParameterValidator validator, string? versionId) =>
        validator.Required("versionId", versionId).Pattern("versionId", versionId, VersionIdPattern);

    private static readonly ModelPattern VersionIdPattern = new(@"v[1-9][0-9]*(\.[A-Za-z0-9-]*)?");

    private StoredPolicy ParseManaged(string text)
    {
        var stored = IamRules.ParsePolicy(text, PolicyKind.Managed);
        return stored.Document.SizeWithoutWhitespace > context.Quotas.PolicySize
            ? throw IamErrors.LimitExceeded($"Cannot exceed quota for PolicySize: {context.Quotas.PolicySize}")
            : stored;
    }

    private void ChangeCustomer(string accountId, string policyArn, Func<ManagedPolicy, ManagedPolicy> change) =>
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var updated = change(FindCustomer(state, account, policyArn));
            return account.Policies[updated.Arn] = updated;
        });
}
