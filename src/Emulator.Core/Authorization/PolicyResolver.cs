using Emulator.Core.Caching;
using Emulator.Core.Iam;
using Emulator.Core.Iam.Groups;
using Emulator.Core.Iam.Policies;
using Emulator.Core.Iam.Roles;
using Emulator.Core.Iam.Tags;
using Emulator.Core.Identity;
using Emulator.Core.Store;
using Emulator.Core.Sts;
using Emulator.Policy;

namespace Emulator.Core.Authorization;

/// <summary>
/// Gathers, from the store, what the evaluator needs about a principal and a resource: the user's
/// inline, attached and group policies (or the role's), the permissions boundary, and tags.
/// Policies are already compiled; nothing is parsed here.
/// </summary>
public sealed class PolicyResolver(IEmulatorStore store)
{
    /// <summary>What a root's federated session starts from before its session policies narrow it.</summary>
    private static readonly PolicySource RootPermissions = new("root", PolicySetType.Identity,
        PolicyParser.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""", PolicyKind.Identity).Document!);

    /// <summary>Inline session policies compiled once per distinct text; at most 1000 stay compiled.</summary>
    private readonly BoundedCache<string, PolicyDocument> sessionPolicies = new(1000, StringComparer.Ordinal);

    public PrincipalPolicySet ForPrincipal(Principal principal)
    {
        var session = principal.Session;
        var set = session?.Kind == SessionKind.AssumedRole
            ? ForRole(session)
            : principal.UserName is { } userName ? ForUser(principal.AccountId, userName, principal.UserId) : PrincipalPolicySet.None;
        if (session?.Kind == SessionKind.FederatedUser && session.UserName is null)
        {
            set = set with { IdentityPolicies = [RootPermissions] };
        }

        if (session is null || (!session.HasSessionPolicies && session.Kind != SessionKind.FederatedUser))
        {
            return set;
        }

        // A federated user with no session policy has no permissions: an empty list denies at the session gate.
        var policies = new List<PolicySource>();
        if (session.InlinePolicy is { } inline)
        {
            policies.Add(new PolicySource("session policy", PolicySetType.Session,
                sessionPolicies.GetOrAdd(inline, text => PolicyParser.Parse(text, PolicyKind.Session).Document!)));
        }

        policies.AddRange(ManagedPolicies(session.AccountId, session.PolicyArns, PolicySetType.Session));
        return set with { SessionPolicies = policies, Tags = session.Kind == SessionKind.FederatedUser ? session.Tags : set.Tags };
    }

    /// <summary>A role session: the role's current policies (changes apply to live sessions) and the session's own tags.</summary>
    private PrincipalPolicySet ForRole(Session session) => store.Read(state =>
    {
        var role = StsService.FindRole(state, session.RoleArn!);
        if (role is null || role.RoleId != session.RoleId || !state.Accounts.TryGetValue(role.AccountId, out var account))
        {
            return PrincipalPolicySet.None with { Tags = session.Tags };
        }

        return RolePolicies(state, account, role, session.Tags);
    });

    /// <summary>
    /// An IAM user's policies: its own inline and attached ones, every group's, its boundary and tags. Enforcement
    /// and the policy simulator (PolicySourceArn naming a user) both read them here.
    /// </summary>
    public PrincipalPolicySet ForUser(string accountId, string userName, string? expectedUserId = null)
    {
        return store.Read(state =>
        {
            // A caller is bound to the user's unique id: a user recreated under the same name is someone else.
            if (!state.Accounts.TryGetValue(accountId, out var account) || !account.Users.TryGetValue(userName, out var user)
                || (expectedUserId is not null && user.UserId != expectedUserId))
            {
                return PrincipalPolicySet.None;
            }

            var policies = new List<PolicySource>();
            AddInline(policies, user.Arn, user.InlinePolicies);
            AddManaged(policies, state, account, user.AttachedPolicyArns);
            foreach (var group in account.Groups.Values.Where(g => g.UserNames.Contains(user.UserName)))
            {
                AddInline(policies, group.Arn, group.InlinePolicies);
                AddManaged(policies, state, account, group.AttachedPolicyArns);
            }

            return new PrincipalPolicySet(policies, Boundary(state, account, user.PermissionsBoundaryArn), user.Tags);
        });
    }

    /// <summary>A role's inline and attached policies, boundary and tags, as the policy simulator sees them (no session).</summary>
    public PrincipalPolicySet ForRole(Role role) =>
        store.Read(state => RolePolicies(state, IamRules.Account(state, role.AccountId), role, role.Tags));

    /// <summary>A group's inline and attached policies (groups have no boundary and no tags).</summary>
    public PrincipalPolicySet ForGroup(Group group) => store.Read(state =>
    {
        var account = IamRules.Account(state, group.AccountId);
        var policies = new List<PolicySource>();
        AddInline(policies, group.Arn, group.InlinePolicies);
        AddManaged(policies, state, account, group.AttachedPolicyArns);
        return PrincipalPolicySet.None with { IdentityPolicies = policies };
    });

    /// <summary>Tags of the entity an ARN names in this emulator (for aws:ResourceTag/*), or none.</summary>
    public IReadOnlyList<Tag> ResourceTags(string accountId, string arn) => store.Read(state =>
    {
        if (!state.Accounts.TryGetValue(accountId, out var account))
        {
            return (IReadOnlyList<Tag>)[];
        }

        var name = arn[(arn.LastIndexOf('/') + 1)..];
        var prefix = account.IamArn("").ToString();
        if (!arn.StartsWith(prefix, StringComparison.Ordinal))
        {
            return [];
        }

        var resource = arn[prefix.Length..];
        return resource switch
        {
            _ when resource.StartsWith("role/", StringComparison.Ordinal) => account.Roles.GetValueOrDefault(name) is { } r && r.Arn == arn ? r.Tags : [],
            _ when resource.StartsWith("user/", StringComparison.Ordinal) => account.Users.GetValueOrDefault(name) is { } u && u.Arn == arn ? u.Tags : [],
            _ when resource.StartsWith("instance-profile/", StringComparison.Ordinal) =>
                account.InstanceProfiles.GetValueOrDefault(name) is { } p && p.Arn == arn ? p.Tags : [],
            _ when resource.StartsWith("policy/", StringComparison.Ordinal) => account.Policies.GetValueOrDefault(arn)?.Tags ?? [],
            _ when resource.StartsWith("oidc-provider/", StringComparison.Ordinal) => account.OpenIdConnectProviders.GetValueOrDefault(arn)?.Tags ?? [],
            _ when resource.StartsWith("saml-provider/", StringComparison.Ordinal) => account.SamlProviders.GetValueOrDefault(arn)?.Tags ?? [],
            _ when resource.StartsWith("server-certificate/", StringComparison.Ordinal) =>
                account.ServerCertificates.GetValueOrDefault(name) is { } c && c.Arn == arn ? c.Tags : [],
            _ => [],
        };
    });

    /// <summary>Resolves managed policy ARNs (customer or AWS) to evaluator sources; unknown ARNs are skipped.</summary>
    public IReadOnlyList<PolicySource> ManagedPolicies(string accountId, IEnumerable<string> arns, PolicySetType type) => store.Read(state =>
    {
        var account = IamRules.Account(state, accountId);
        return (IReadOnlyList<PolicySource>)arns.Select(arn => IamRules.FindPolicy(state, account, arn))
            .OfType<ManagedPolicy>()
            .Select(p => new PolicySource(p.Arn, type, p.DefaultVersion.Document.Document))
            .ToList();
    });

    /// <summary>A role's inline and attached policies and boundary, with the tags its principal carries (role or session tags).</summary>
    private static PrincipalPolicySet RolePolicies(EmulatorState state, AccountState account, Role role, IReadOnlyList<Tag> tags)
    {
        var policies = new List<PolicySource>();
        AddInline(policies, role.Arn, role.InlinePolicies);
        AddManaged(policies, state, account, role.AttachedPolicyArns);
        return new PrincipalPolicySet(policies, Boundary(state, account, role.PermissionsBoundaryArn), tags);
    }

    private static void AddInline(List<PolicySource> target, string ownerArn, IEnumerable<InlinePolicy> policies)
    {
        foreach (var policy in policies)
        {
            target.Add(new PolicySource($"{ownerArn}/{policy.PolicyName}", PolicySetType.Identity, policy.Policy.Document));
        }
    }

    private static void AddManaged(List<PolicySource> target, EmulatorState state, AccountState account, IEnumerable<string> arns)
    {
        foreach (var arn in arns)
        {
            if (IamRules.FindPolicy(state, account, arn) is { } policy)
            {
                target.Add(new PolicySource(policy.Arn, PolicySetType.Identity, policy.DefaultVersion.Document.Document));
            }
        }
    }

    private static PolicySource? Boundary(EmulatorState state, AccountState account, string? arn) =>
        arn is not null && IamRules.FindPolicy(state, account, arn) is { } policy
            ? new PolicySource(policy.Arn, PolicySetType.PermissionsBoundary, policy.DefaultVersion.Document.Document)
            : null;
}
