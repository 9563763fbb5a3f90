using System.Collections.Immutable;
using Emulator.Core.Errors;
using Emulator.Core.Iam.Groups;
using Emulator.Core.Iam.Paging;
using Emulator.Core.Iam.Policies;
using Emulator.Core.Iam.Roles;
using Emulator.Core.Iam.Users;
using Emulator.Core.Iam.Validation;
using Emulator.Core.Identity;
using Emulator.Core.Store;
using Emulator.Policy;

namespace Emulator.Core.Iam.Reports;

/// <summary>
/// IAM's access advisor: the last attempt (allowed or denied) of each user and role per action, recorded where
/// authorization decides it, and the reports built from those records (GenerateServiceLastAccessedDetails, GetServiceLastAccessedDetails,
/// GetServiceLastAccessedDetailsWithEntities) and from the policies (ListPoliciesGrantingServiceAccess).
/// </summary>
/// <remarks>
/// Only users and roles make requests; a group's or a managed policy's last access is derived when the report is
/// generated, as AWS attributes it: a group's from its members' requests for actions its policies allow, a policy's from
/// the requests of the users and roles it is attached to (directly or through a group) for actions it allows.
/// </remarks>
public sealed class AccessAdvisorOperations(IamContext context)
{
    /// <summary>Services whose ACTION_LEVEL reports list actions ("action last accessed information" covers these).</summary>
    public static readonly IReadOnlySet<string> ActionTrackedServices = new HashSet<string>(["iam", "ec2", "s3", "lambda"], StringComparer.Ordinal);

    public static readonly ModelPattern ServiceNamespacePattern = new(@"[\w-]*");

    /// <summary>
    /// Records an authenticated attempt, allowed or denied (AWS counts both). Role sessions count for their role, sessions of users (GetSessionToken) for the user;
    /// the root and federated users are no IAM entity and are not recorded. As for access keys' LastUsed, the time is kept
    /// to the second and a use that changes nothing visible (same second, same region) writes nothing.
    /// </summary>
    public void RecordAccess(Principal principal, string action, string region, DateTimeOffset when)
    {
        var entity = EntityOf(principal);
        if (entity is null)
        {
            return;
        }

        var (entityName, isRole) = entity.Value;
        var second = DateTimeOffset.FromUnixTimeSeconds(when.ToUnixTimeSeconds());
        var unchanged = context.Store.Read(state =>
        {
            if (!state.Accounts.TryGetValue(principal.AccountId, out var account) || Resolve(account, entityName, isRole) is not { } found)
            {
                return true;
            }

            return account.ServiceAccesses.TryGetValue(ServiceAccessRecord.KeyOf(found.Arn, action), out var record)
                && record.EntityId == found.Id && record.LastAuthenticated == second && record.Region == region;
        });
        if (unchanged)
        {
            return;
        }

        context.Store.Write(state =>
        {
            if (state.Accounts.TryGetValue(principal.AccountId, out var account) && Resolve(account, entityName, isRole) is { } found)
            {
                account.ServiceAccesses[ServiceAccessRecord.KeyOf(found.Arn, action)] =
                    new ServiceAccessRecord(principal.AccountId, found.Arn, found.Id, action, second, region);
            }

            return true;
        });
    }

    public string Generate(string accountId, string? arn, string? granularity)
    {
        new ParameterValidator().Arn("arn", arn).OneOf("granularity", granularity, "SERVICE_LEVEL", "ACTION_LEVEL").ThrowIfInvalid();
        var level = granularity ?? "SERVICE_LEVEL";
        var now = context.Now();
        var jobId = JobId();
        return context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var target = Target(state, account, arn!, allowPolicy: true);
            var (services, entities) = Compute(account, target, level == "ACTION_LEVEL");
            account.ServiceLastAccessedJobs[jobId] = new ServiceLastAccessedJob(accountId, jobId, arn!, level, now, now, services, entities);
            return jobId;
        });
    }

    public (ServiceLastAccessedJob Job, Page<ServiceLastAccessed> Page) Get(string accountId, string? jobId, string? marker, int? maxItems)
    {
        var validator = JobIdValidator(jobId);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var job = FindJob(accountId, jobId!);
        return (job, Paginator.Paginate(job.Services, s => s.ServiceNamespace, marker, maxItems));
    }

    public (ServiceLastAccessedJob Job, Page<EntityLastAccessed> Page) GetWithEntities(string accountId, string? jobId, string? serviceNamespace, string? marker, int? maxItems)
    {
        var validator = JobIdValidator(jobId).Required("serviceNamespace", serviceNamespace).Length("serviceNamespace", serviceNamespace, 1, 64)
            .Pattern("serviceNamespace", serviceNamespace, ServiceNamespacePattern);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var job = FindJob(accountId, jobId!);
        var entities = job.Entities.Where(e => e.ServiceNamespace == serviceNamespace);
        return (job, Paginator.Paginate(entities, e => e.Arn, marker, maxItems));
    }

    /// <summary>
    /// For each namespace asked about, the policies of the identity (and, for a user, of its groups) whose Allow statements
    /// reach some action of that service: the identity's inline ones, then its managed ones, then its groups'.
    /// </summary>
    public IReadOnlyList<ServicePolicies> ListPoliciesGrantingServiceAccess(string accountId, string? arn, IReadOnlyList<string> serviceNamespaces, string? marker)
    {
        var validator = new ParameterValidator().Arn("arn", arn)
            .Check(serviceNamespaces.Count >= 1, "serviceNamespaces", "Member must have length greater than or equal to 1")
            .Check(serviceNamespaces.Count <= 200, "serviceNamespaces", "Member must have length less than or equal to 200")
            .Length("marker", marker, 1, 320);
        foreach (var serviceNamespace in serviceNamespaces)
        {
            validator.Length("serviceNamespaces.member", serviceNamespace, 1, 64).Pattern("serviceNamespaces.member", serviceNamespace, ServiceNamespacePattern);
        }

        validator.ThrowIfInvalid();
        return context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            _ = Target(state, account, arn!, allowPolicy: false);
            var granting = GrantingPolicies(state, account, arn!);
            return (IReadOnlyList<ServicePolicies>)serviceNamespaces
                .Select(ns => new ServicePolicies(ns, granting.Where(g => PolicyGrants.Namespaces(g.Document).Contains(ns)).Select(g => g.Policy).ToList()))
                .ToList();
        });
    }

    private static (string Name, bool IsRole)? EntityOf(Principal principal) => principal switch
    {
        { Session: { RoleName: { } roleName } } => (roleName, true),
        { Type: Identity.PrincipalType.User, UserName: { } userName } => (userName, false),
        _ => null,
    };

    private static (string Arn, string Id)? Resolve(AccountState account, string name, bool isRole) => isRole
        ? account.Roles.GetValueOrDefault(name) is { } role ? (role.Arn, role.RoleId) : null
        : account.Users.GetValueOrDefault(name) is { } user ? (user.Arn, user.UserId) : null;

    private ServiceLastAccessedJob FindJob(string accountId, string jobId) =>
        context.Store.Read(state => IamRules.Account(state, accountId).ServiceLastAccessedJobs.GetValueOrDefault(jobId))
            ?? throw IamErrors.NoSuchEntity($"The job with ID {jobId} cannot be found.");

    private static ParameterValidator JobIdValidator(string? jobId) =>
        new ParameterValidator().Required("jobId", jobId).Length("jobId", jobId, 36, 36);

    /// <summary>A job id in AWS's form: a lower-case UUID, from the emulator's random source.</summary>
    private string JobId()
    {
        var hex = context.Ids.Hex(32).ToLowerInvariant();
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <summary>Resolves a user, group, role (or, for reports, managed policy) ARN of the caller's account.</summary>
    private static AccessTarget Target(EmulatorState state, AccountState account, string arn, bool allowPolicy)
    {
        var parts = arn.Split(':', 6);
        var slash = parts.Length == 6 ? parts[5].IndexOf('/', StringComparison.Ordinal) : -1;
        if (slash <= 0 || parts[0] != "arn" || parts[2] != "iam")
        {
            throw IamErrors.InvalidInput($"ARN {arn} is not valid.");
        }

        var kind = parts[5][..slash];
        var name = parts[5][(parts[5].LastIndexOf('/') + 1)..];
        if (kind == "policy" && allowPolicy)
        {
            var policy = ManagedPolicyOperations.Find(state, account, arn);
            return PolicyTarget(account, policy);
        }

        if (parts[4] != account.AccountId || kind is not ("user" or "group" or "role"))
        {
            throw IamErrors.InvalidInput($"ARN {arn} is not valid.");
        }

        switch (kind)
        {
            case "user":
            {
                var user = Matching(UserOperations.Find(account, name), u => u.Arn, arn, $"The user with name {name} cannot be found.");
                var groups = account.Groups.Values.Where(g => g.UserNames.Contains(user.UserName, StringComparer.OrdinalIgnoreCase)).ToList();
                var documents = Documents(state, account, user.InlinePolicies, user.AttachedPolicyArns)
                    .Concat(groups.SelectMany(g => Documents(state, account, g.InlinePolicies, g.AttachedPolicyArns))).ToList();
                return new AccessTarget(documents, [UserContributor(user, _ => true)]);
            }

            case "role":
            {
                var role = Matching(RoleOperations.Find(account, name), r => r.Arn, arn, $"The role with name {name} cannot be found.");
                return new AccessTarget(Documents(state, account, role.InlinePolicies, role.AttachedPolicyArns).ToList(), [RoleContributor(role, _ => true)]);
            }

            default:
            {
                var group = Matching(GroupOperations.Find(account, name), g => g.Arn, arn, $"The group with name {name} cannot be found.");
                var documents = Documents(state, account, group.InlinePolicies, group.AttachedPolicyArns).ToList();
                bool Counts(string action) => documents.Any(d => PolicyGrants.Allows(d, action));
                var members = group.UserNames.Select(n => account.Users.GetValueOrDefault(n)).OfType<User>().Select(u => UserContributor(u, Counts)).ToList();
                return new AccessTarget(documents, members);
            }
        }
    }

    private static T Matching<T>(T entity, Func<T, string> arnOf, string arn, string message) =>
        arnOf(entity) == arn ? entity : throw IamErrors.NoSuchEntity(message);

    /// <summary>A policy's report counts the users and roles it is attached to, directly or through a group.</summary>
    private static AccessTarget PolicyTarget(AccountState account, ManagedPolicy policy)
    {
        var document = policy.DefaultVersion.Document.Document;
        bool Counts(string action) => PolicyGrants.Allows(document, action);
        var users = account.Users.Values.Where(u => u.AttachedPolicyArns.Contains(policy.Arn)
            || account.Groups.Values.Any(g => g.AttachedPolicyArns.Contains(policy.Arn) && g.UserNames.Contains(u.UserName, StringComparer.OrdinalIgnoreCase)));
        var roles = account.Roles.Values.Where(r => r.AttachedPolicyArns.Contains(policy.Arn));
        return new AccessTarget([document], [.. users.Select(u => UserContributor(u, Counts)), .. roles.Select(r => RoleContributor(r, Counts))]);
    }

    private static AccessTarget.Contributor UserContributor(User user, Func<string, bool> counts) =>
        new(user.Arn, user.UserName, "USER", user.UserId, user.Path, counts);

    private static AccessTarget.Contributor RoleContributor(Role role, Func<string, bool> counts) =>
        new(role.Arn, role.RoleName, "ROLE", role.RoleId, role.Path, counts);

    private static IEnumerable<PolicyDocument> Documents(EmulatorState state, AccountState account, IEnumerable<InlinePolicy> inline, IEnumerable<string> attached) =>
        inline.Select(p => p.Policy.Document)
            .Concat(attached.Select(arn => IamRules.FindPolicy(state, account, arn)).OfType<ManagedPolicy>().Select(p => p.DefaultVersion.Document.Document));

    /// <summary>
    /// Every service the target's policies grant, in namespace order; each with the latest counting request (its time,
    /// entity and region), how many entities made one and, at ACTION_LEVEL for tracked services, the actions used.
    /// </summary>
    private static (ImmutableList<ServiceLastAccessed>, ImmutableList<EntityLastAccessed>) Compute(AccountState account, AccessTarget target, bool actionLevel)
    {
        var namespaces = target.Documents.SelectMany(PolicyGrants.Namespaces).ToHashSet(StringComparer.Ordinal);
        var records = target.Contributors
            .SelectMany(c => account.ServiceAccesses.Values
                .Where(r => r.EntityArn == c.Arn && r.EntityId == c.Id && c.Counts(r.Action) && namespaces.Contains(r.ServiceNamespace))
                .Select(r => (Contributor: c, Record: r)))
            .ToList();
        var services = ImmutableList.CreateBuilder<ServiceLastAccessed>();
        var entities = ImmutableList.CreateBuilder<EntityLastAccessed>();
        foreach (var ns in namespaces.Order(StringComparer.Ordinal))
        {
            var used = records.Where(r => r.Record.ServiceNamespace == ns).ToList();
            var latest = used.OrderByDescending(r => r.Record.LastAuthenticated).Select(r => r.Record).FirstOrDefault();
            var tracked = actionLevel && ActionTrackedServices.Contains(ns)
                ? used.GroupBy(r => r.Record.ActionName, StringComparer.OrdinalIgnoreCase)
                    .Select(g => g.OrderByDescending(r => r.Record.LastAuthenticated).First().Record)
                    .OrderBy(r => r.ActionName, StringComparer.Ordinal)
                    .Select(r => new TrackedActionLastAccessed(r.ActionName, r.EntityArn, r.LastAuthenticated, r.Region))
                    .ToImmutableList()
                : null;
            var byEntity = used.GroupBy(r => r.Contributor.Arn, StringComparer.Ordinal).ToList();
            services.Add(new ServiceLastAccessed(ServiceNames.NameOf(ns), ns, latest?.LastAuthenticated, latest?.EntityArn, latest?.Region, byEntity.Count, tracked));
            foreach (var group in byEntity)
            {
                var contributor = group.First().Contributor;
                entities.Add(new EntityLastAccessed(ns, contributor.Arn, contributor.Name, contributor.Type, contributor.Id, contributor.Path,
                    group.Max(r => r.Record.LastAuthenticated)));
            }
        }

        return (services.ToImmutable(), entities.ToImmutable());
    }

    /// <summary>The identity's policies (and a user's groups'), each with what ListPoliciesGrantingServiceAccess says of it.</summary>
    private static List<(PolicyGrantingServiceAccess Policy, PolicyDocument Document)> GrantingPolicies(EmulatorState state, AccountState account, string arn)
    {
        var result = new List<(PolicyGrantingServiceAccess, PolicyDocument)>();
        void Add(string entityType, string entityName, IEnumerable<InlinePolicy> inline, IEnumerable<string> attached)
        {
            result.AddRange(inline.Select(p => (new PolicyGrantingServiceAccess(p.PolicyName, "INLINE", null, entityType, entityName), p.Policy.Document)));
            result.AddRange(attached.Select(a => IamRules.FindPolicy(state, account, a)).OfType<ManagedPolicy>()
                .Select(p => (new PolicyGrantingServiceAccess(p.PolicyName, "MANAGED", p.Arn, null, null), p.DefaultVersion.Document.Document)));
        }

        var resource = arn.Split(':', 6)[5];
        var name = resource[(resource.LastIndexOf('/') + 1)..];
        if (resource.StartsWith("user/", StringComparison.Ordinal))
        {
            var user = UserOperations.Find(account, name);
            Add("USER", user.UserName, user.InlinePolicies, user.AttachedPolicyArns);
            foreach (var group in account.Groups.Values.Where(g => g.UserNames.Contains(user.UserName, StringComparer.OrdinalIgnoreCase)).OrderBy(g => g.GroupName, StringComparer.Ordinal))
            {
                Add("GROUP", group.GroupName, group.InlinePolicies, group.AttachedPolicyArns);
            }
        }
        else if (resource.StartsWith("role/", StringComparison.Ordinal))
        {
            var role = RoleOperations.Find(account, name);
            Add("ROLE", role.RoleName, role.InlinePolicies, role.AttachedPolicyArns);
        }
        else
        {
            var group = GroupOperations.Find(account, name);
            Add("GROUP", group.GroupName, group.InlinePolicies, group.AttachedPolicyArns);
        }

        return result;
    }
}
