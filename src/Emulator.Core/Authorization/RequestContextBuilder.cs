using System.Globalization;
using Emulator.Core.Authorization.Simulation;
using Emulator.Core.Identity;
using Emulator.Core.Sts;
using Emulator.Policy;
using CorePrincipalType = Emulator.Core.Identity.PrincipalType;
using PolicyPrincipalType = Emulator.Policy.PrincipalType;

namespace Emulator.Core.Authorization;

/// <summary>
/// Builds the evaluator's request context. Enforcement and the policy simulator both build theirs here,
/// so the caller's identity keys and supplied keys mean the same thing in both, and a simulated decision is
/// the one enforcement reaches for the same keys.
/// </summary>
public sealed class RequestContextBuilder(PolicyResolver policies, TimeProvider clock)
{
    /// <summary>
    /// The context of a signed request: the caller (and its session's keys), the request's environment (time,
    /// region, source address…), principal and resource tags, and the keys the request's own parameters carry.
    /// </summary>
    /// <param name="resourceAccount">The account owning the resource (the caller's own for IAM calls).</param>
    public RequestContext ForRequest(
        Principal principal,
        string action,
        string resource,
        string resourceAccount,
        RequestEnvironment environment,
        PrincipalPolicySet policySet,
        IReadOnlyDictionary<string, IReadOnlyList<string>> requestKeys)
    {
        var now = clock.GetUtcNow();
        var context = Start(principal, action, resource);
        context.Set("aws:PrincipalAccount", principal.AccountId)
            .Set("aws:PrincipalType", principal.Type.ToString())
            .Set("aws:RequestedRegion", environment.Region)
            .Set("aws:CurrentTime", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            .Set("aws:EpochTime", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
            .Set("aws:SecureTransport", environment.SecureTransport ? "true" : "false")
            .Set("aws:ViaAWSService", "false")
            .Set("aws:PrincipalIsAWSService", "false");
        if (principal.Session is { } session)
        {
            context.Set("aws:TokenIssueTime", session.IssuedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
                .Set("aws:MultiFactorAuthPresent", session.MultiFactorAuthenticated ? "true" : "false");
            if (session.MultiFactorAuthenticated)
            {
                // Present only for MFA sessions: seconds since the code was checked (AWS's aws:MultiFactorAuthAge).
                var age = (long)Math.Max(0, (now - (session.MultiFactorAuthTime ?? session.IssuedAt)).TotalSeconds);
                context.Set("aws:MultiFactorAuthAge", age.ToString(CultureInfo.InvariantCulture));
            }

            if (session.SourceIdentity is { } sourceIdentity)
            {
                context.Set("aws:SourceIdentity", sourceIdentity);
            }

            if (session.FederatedProvider is { } provider)
            {
                context.Set("aws:FederatedProvider", provider);
            }

            if (session.SourceInstanceArn is { } instance)
            {
                context.Set("ec2:SourceInstanceARN", instance);
            }

            if (session.RoleDelivery is { } delivery)
            {
                context.Set("ec2:RoleDelivery", delivery);
            }

            if (session.SourceVpc is { } vpc)
            {
                context.Set("aws:Ec2InstanceSourceVpc", vpc);
            }

            if (session.SourcePrivateIp is { } address)
            {
                context.Set("aws:Ec2InstanceSourcePrivateIPv4", address);
            }
        }

        if (environment.SourceIp is not null)
        {
            context.Set("aws:SourceIp", environment.SourceIp);
        }

        if (environment.UserAgent is not null)
        {
            context.Set("aws:UserAgent", environment.UserAgent);
        }

        foreach (var tag in policySet.Tags)
        {
            context.Set($"aws:PrincipalTag/{tag.Key}", tag.Value);
        }

        if (resource != "*")
        {
            context.Set("aws:ResourceAccount", resourceAccount);
            foreach (var tag in policies.ResourceTags(resourceAccount, resource))
            {
                context.Set($"aws:ResourceTag/{tag.Key}", tag.Value);
                context.Set($"iam:ResourceTag/{tag.Key}", tag.Value);
            }
        }

        foreach (var (key, values) in requestKeys)
        {
            // aws:TagKeys is a set even when it holds one key; everything else a request carries is single-valued.
            Add(context, key, values, multiValued: values.Count != 1 || key.Equals("aws:TagKeys", StringComparison.OrdinalIgnoreCase));
        }

        return context;
    }

    /// <summary>
    /// The context of a simulated request. AWS's simulator fills in only the caller's identity keys
    /// (aws:username, aws:userid, aws:PrincipalArn); every other key (aws:CurrentTime, tags, iam:PassedToService…)
    /// is present only when a context entry supplies it, so conditions on it report it as missing.
    /// </summary>
    /// <param name="caller">The simulated caller, or null when there is none (a group, or a custom policy without CallerArn).</param>
    public static RequestContext ForSimulation(Principal? caller, string action, string resource, IEnumerable<ContextEntry> entries)
    {
        var context = caller is null ? new RequestContext(action, resource) : Start(caller, action, resource);
        foreach (var entry in entries)
        {
            if (entry.ContextKeyName is { } key)
            {
                Add(context, key, entry.ContextKeyValues, entry.IsMultiValued);
            }
        }

        return context;
    }

    private static RequestContext Start(Principal principal, string action, string resource)
    {
        // For role sessions aws:PrincipalArn is the role ARN; messages name the session ARN.
        var roleSession = principal.Session is { Kind: SessionKind.AssumedRole } session ? session : null;
        var principalArn = roleSession?.RoleArn ?? principal.Arn;
        var context = new RequestContext(action, resource)
        {
            PrincipalArn = principalArn,
            SessionArn = roleSession is null ? null : principal.Arn,
            PrincipalAccount = principal.AccountId,
            PrincipalType = principal.Type switch
            {
                CorePrincipalType.Account => PolicyPrincipalType.Account,
                CorePrincipalType.User => PolicyPrincipalType.User,
                CorePrincipalType.FederatedUser => PolicyPrincipalType.FederatedUser,
                CorePrincipalType.WebIdentity => PolicyPrincipalType.WebIdentity,
                _ => PolicyPrincipalType.AssumedRole,
            },
        };
        context.Set("aws:PrincipalArn", principalArn);
        if (principal.UserId.Length > 0)
        {
            context.Set("aws:userid", principal.UserId);
        }

        if (principal.UserName is not null)
        {
            context.Set("aws:username", principal.UserName);
        }

        return context;
    }

    private static void Add(RequestContext context, string key, IReadOnlyList<string> values, bool multiValued)
    {
        if (multiValued)
        {
            context.Set(key, values);
        }
        else if (values.Count == 1)
        {
            context.Set(key, values[0]);
        }
    }
}
