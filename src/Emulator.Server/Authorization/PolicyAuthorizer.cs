using System.Globalization;
using Emulator.Core.Authorization;
using Emulator.Policy;
using CorePrincipalType = Emulator.Core.Identity.PrincipalType;
using PolicyPrincipalType = Emulator.Policy.PrincipalType;

namespace Emulator.Server.Authorization;

/// <summary>
/// Authorizes every call with the policy engine: builds the request context (aws:* keys, principal and
/// resource tags, request keys), gathers the caller's compiled policies, evaluates once, records the
/// decision in the log and as a structured event, and applies the enforcement mode.
/// </summary>
public sealed class PolicyAuthorizer(PolicyResolver policies, TimeProvider clock, DecisionLog log, EnforcementMode mode, ILogger<PolicyAuthorizer> logger)
    : IRequestAuthorizer
{
    public AuthorizationDecision Authorize(AuthorizationRequest request)
    {
        var principal = request.Principal;
        var policySet = policies.ForPrincipal(principal);
        var context = BuildContext(request, policySet);
        var resourceAccount = request.ResourceAccountId ?? principal.AccountId;
        var input = new EvaluationInput
        {
            IdentityPolicies = policySet.IdentityPolicies,
            PermissionsBoundary = policySet.PermissionsBoundary,
            SessionPolicies = policySet.SessionPolicies,
            ResourcePolicies = request.ResourcePolicy is { } resourcePolicy ? [resourcePolicy] : [],
            RequireResourcePolicyAllow = request.RequireResourcePolicyAllow,
            IsRoot = principal.IsRoot,
            SameAccount = resourceAccount == principal.AccountId,
        };
        var decision = PolicyEvaluator.Evaluate(context, input);
        var matched = decision.DecidingStatements.Select(s => s.ToString()).ToList();
        var message = decision.IsAllowed ? null : DenialMessage(decision);
        var explanation = decision.IsAllowed
            ? principal.IsRoot ? "the account root is allowed every action in its own account" : $"allowed by {string.Join(", ", matched)}"
            : message!;
        var verdict = decision.Effect switch
        {
            DecisionEffect.Allowed => "Allow",
            DecisionEffect.ExplicitDeny => "ExplicitDeny",
            _ => "ImplicitDeny",
        };
        var enforced = decision.IsAllowed || mode == EnforcementMode.Strict;

        log.Add(new DecisionRecord(clock.GetUtcNow(), request.RequestId, principal.Arn, request.Action, request.Resource, verdict, enforced,
            explanation, message, matched,
            decision.Layers.Select(l => new LayerRecord(LayerName(l.Layer), l.Outcome.ToString(), l.Statement?.ToString())).ToList(),
            context.Values.Keys.Order(StringComparer.OrdinalIgnoreCase).ToList(), decision.MissingContextKeys));
        logger.LogInformation("Authorization {Decision} {Principal} {Action} {Resource}: {Explanation} (missing context keys: {MissingContextKeys}, enforced: {Enforced})",
            verdict, principal.Arn, request.Action, request.Resource, explanation, decision.MissingContextKeys, enforced);

        return new AuthorizationDecision(!enforced || decision.IsAllowed, enforced ? verdict : $"{verdict} (soft)", explanation, message);
    }

    /// <summary>AWS's sentence; an explicit deny in a managed policy also names the policy ARN.</summary>
    private static string DenialMessage(Decision decision)
    {
        var message = decision.DenialMessage();
        if (decision.Effect == DecisionEffect.ExplicitDeny
            && decision.DecidingStatements.FirstOrDefault() is { PolicyId: var id } && id.Contains(":policy/", StringComparison.Ordinal))
        {
            message += $": {id}";
        }

        return message;
    }

    private RequestContext BuildContext(AuthorizationRequest request, PrincipalPolicySet policySet)
    {
        var principal = request.Principal;
        var now = clock.GetUtcNow();
        var session = principal.Session;
        // For role sessions aws:PrincipalArn is the role ARN; messages name the session ARN.
        var principalArn = session?.Kind == Emulator.Core.Sts.SessionKind.AssumedRole ? session.RoleArn! : principal.Arn;
        var context = new RequestContext(request.Action, request.Resource)
        {
            PrincipalArn = principalArn,
            SessionArn = session?.Kind == Emulator.Core.Sts.SessionKind.AssumedRole ? principal.Arn : null,
            PrincipalAccount = principal.AccountId,
            PrincipalType = principal.Type switch
            {
                CorePrincipalType.Account => PolicyPrincipalType.Account,
                CorePrincipalType.User => PolicyPrincipalType.User,
                CorePrincipalType.FederatedUser => PolicyPrincipalType.FederatedUser,
                _ => PolicyPrincipalType.AssumedRole,
            },
        };
        context.Set("aws:PrincipalArn", principalArn)
            .Set("aws:PrincipalAccount", principal.AccountId)
            .Set("aws:PrincipalType", principal.Type.ToString())
            .Set("aws:userid", principal.UserId)
            .Set("aws:RequestedRegion", request.Region)
            .Set("aws:CurrentTime", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            .Set("aws:EpochTime", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
            .Set("aws:SecureTransport", request.SecureTransport ? "true" : "false")
            .Set("aws:ViaAWSService", "false")
            .Set("aws:PrincipalIsAWSService", "false");
        if (principal.UserName is not null)
        {
            context.Set("aws:username", principal.UserName);
        }

        if (session is not null)
        {
            context.Set("aws:TokenIssueTime", session.IssuedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
                .Set("aws:MultiFactorAuthPresent", session.MultiFactorAuthenticated ? "true" : "false");
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
        }

        if (request.SourceIp is not null)
        {
            context.Set("aws:SourceIp", request.SourceIp);
        }

        if (request.UserAgent is not null)
        {
            context.Set("aws:UserAgent", request.UserAgent);
        }

        foreach (var tag in policySet.Tags)
        {
            context.Set($"aws:PrincipalTag/{tag.Key}", tag.Value);
        }

        if (request.Resource != "*")
        {
            var resourceAccount = request.ResourceAccountId ?? principal.AccountId;
            context.Set("aws:ResourceAccount", resourceAccount);
            foreach (var tag in policies.ResourceTags(resourceAccount, request.Resource))
            {
                context.Set($"aws:ResourceTag/{tag.Key}", tag.Value);
                context.Set($"iam:ResourceTag/{tag.Key}", tag.Value);
            }
        }

        foreach (var (key, values) in request.ContextKeys)
        {
            if (values.Count == 1 && !key.Equals("aws:TagKeys", StringComparison.OrdinalIgnoreCase))
            {
                context.Set(key, values[0]);
            }
            else
            {
                context.Set(key, values);
            }
        }

        return context;
    }

    private static string LayerName(PolicySetType type) => type switch
    {
        PolicySetType.Identity => "identity-based policy",
        PolicySetType.PermissionsBoundary => "permissions boundary",
        PolicySetType.Session => "session policy",
        _ => "resource-based policy",
    };
}
