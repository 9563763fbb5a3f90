using Emulator.Core.Authorization;
using Emulator.Policy;

namespace Emulator.Server.Authorization;

/// <summary>
/// Authorizes every call with the policy engine: builds the request context (aws:* keys, principal and
/// resource tags, request keys), gathers the caller's compiled policies, evaluates once, records the
/// decision in the log and as a structured event, and applies the enforcement mode.
/// </summary>
public sealed class PolicyAuthorizer(PolicyResolver policies, TimeProvider clock, DecisionLog log, EnforcementMode mode, ILogger<PolicyAuthorizer> logger)
    : IRequestAuthorizer
{
    // The policy simulator builds its contexts with the same builder, so simulated answers match enforced ones.
    private readonly RequestContextBuilder contexts = new(policies, clock);

    public AuthorizationDecision Authorize(AuthorizationRequest request)
    {
        var principal = request.Principal;
        var policySet = policies.ForPrincipal(principal);
        var resourceAccount = request.ResourceAccountId ?? principal.AccountId;
        var context = contexts.ForRequest(principal, request.Action, request.Resource, resourceAccount,
            new RequestEnvironment(request.Region, request.SourceIp, request.UserAgent, request.SecureTransport), policySet, request.ContextKeys);
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
        // The allocation-free outcome carries the deciding statements and verdicts the log needs; no Decision object.
        var decision = PolicyEvaluator.EvaluateOutcome(context, input);
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
            context.Values.Keys.ToArray(), decision.MissingContextKeys));
        // Debug, not Information: the pipeline writes one line per call, and every decision stays queryable at /_emulator/decisions.
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Authorization {Decision} {Principal} {Action} {Resource}: {Explanation} (missing context keys: {MissingContextKeys}, enforced: {Enforced})",
                verdict, principal.Arn, request.Action, request.Resource, explanation, decision.MissingContextKeys, enforced);
        }

        var failure = decision.IsAllowed ? null : new Core.Sts.AuthorizationFailure(false, decision.Effect == DecisionEffect.ExplicitDeny, matched,
            principal.UserId, principal.UserName, context.PrincipalArn, request.Action, request.Resource,
            context.Values.Select(v => new KeyValuePair<string, IReadOnlyList<string>>(v.Key, Enumerable.Range(0, v.Value.Count).Select(i => v.Value[i]).ToList())).ToList());
        return new AuthorizationDecision(!enforced || decision.IsAllowed, enforced ? verdict : $"{verdict} (soft)", explanation, message, failure);
    }

    /// <summary>AWS's sentence; an explicit deny in a managed policy also names the policy ARN.</summary>
    private static string DenialMessage(in EvaluationOutcome decision)
    {
        var message = decision.DenialMessage();
        if (decision.Effect == DecisionEffect.ExplicitDeny
            && decision.DecidingStatements.FirstOrDefault() is { PolicyId: var id } && id.Contains(":policy/", StringComparison.Ordinal))
        {
            message += $": {id}";
        }

        return message;
    }

    private static string LayerName(PolicySetType type) => type switch
    {
        PolicySetType.Identity => "identity-based policy",
        PolicySetType.PermissionsBoundary => "permissions boundary",
        PolicySetType.Session => "session policy",
        _ => "resource-based policy",
    };
}
