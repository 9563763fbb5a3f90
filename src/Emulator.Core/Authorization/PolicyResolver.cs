using Emulator.Core.Iam;
using Emulator.Core.Iam.Policies;
using Emulator.Core.Iam.Tags;
using Emulator.Core.Identity;
using Emulator.Core.Store;
using Emulator.Policy;

namespace Emulator.Core.Authorization;

/// <summary>
/// Gathers, from the store, what the evaluator needs about a principal and a resource: the user's
/// inline, attached and group policies (or the role's), the permissions boundary, and tags.
/// Policies are already compiled; nothing is parsed here.
/// </summary>
public sealed class PolicyResolver(IEmulatorStore store)
{
    public PrincipalPolicySet ForPrincipal(Principal principal)
    {
        if (principal.Type != Identity.PrincipalType.User || principal.UserName is null)
        {
            return PrincipalPolicySet.None;
        }

        return store.Read(state =>
        {
            if (!state.Accounts.TryGetValue(principal.AccountId, out var account) || !account.Users.TryGetValue(principal.UserName, out var user))
            {
                return PrincipalPolicySet.None;
            }

            var policies = new List<PolicySource>();
            AddInline(policies, $"{user.Arn}", user.InlinePolicies);
            AddManaged(policies, state, account, user.AttachedPolicyArns);
            foreach (var group in account.Groups.Values.Where(g => g.UserNames.Contains(user.UserName)))
            {
                AddInline(policies, group.Arn, group.InlinePolicies);
                AddManaged(policies, state, account, group.AttachedPolicyArns);
            }

            return new PrincipalPolicySet(policies, Boundary(state, account, user.PermissionsBoundaryArn), user.Tags);
        });
    }

    /// <summary>Tags of the entity an ARN names in this emulator (for aws:ResourceTag/*), or none.</summary>
    public IReadOnlyList<Tag> ResourceTags(string accountId, string arn) => store.Read(state =>
    {
        if (!state.Accounts.TryGetValue(accountId, out var account))
        {
            return (IReadOnlyList<Tag>)[];
        }

        var name = arn[(arn.LastIndexOf('/') + 1)..];
        var prefix = $"arn:aws:iam::{accountId}:";
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
