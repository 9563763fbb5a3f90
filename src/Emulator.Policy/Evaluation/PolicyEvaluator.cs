namespace Emulator.Policy;

/// <summary>
/// IAM's decision algorithm (policy-evaluation §2): explicit deny wins, then the resource-policy shortcut,
/// then identity ∩ permissions boundary ∩ session policies; cross-account requests need both sides.
/// </summary>
/// <remarks>
/// Pure and deterministic. <see cref="EvaluateOutcome"/> allocates nothing (unless context keys are missing, which
/// are listed): patterns and conditions were compiled when the policies were written, the action is lower-cased
/// once into a stack buffer, condition keys carry their hash, and variables are compared in place or substituted
/// into stack buffers. <see cref="Evaluate"/> adds one <see cref="Decision"/> object around the same outcome.
/// </remarks>
public static class PolicyEvaluator
{
    /// <summary>Evaluates the request and returns the explained decision as an object.</summary>
    public static Decision Evaluate(RequestContext request, EvaluationInput input) => new(EvaluateOutcome(request, input));

    /// <summary>Evaluates the request without allocating; <see cref="EvaluationOutcome.ToDecision"/> gives the object form.</summary>
    public static EvaluationOutcome EvaluateOutcome(RequestContext request, EvaluationInput input)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(input);

        var actionText = request.Action;
        Span<char> actionBuffer = actionText.Length <= RequestedAction.StackLength
            ? stackalloc char[RequestedAction.StackLength]
            : new char[actionText.Length];
        var action = RequestedAction.Lower(actionText, actionBuffer);

        var missing = default(MissingContextKeys);
        var identity = default(LayerScan);
        var boundary = default(LayerScan);
        var session = default(LayerScan);
        var resource = default(LayerScan);

        // Deny precedence when several types deny: the first type in this order names the denial.
        PolicySetType? denyingLayer = null;
        ScanLayer(input.IdentityPolicies, PolicySetType.Identity, request, action, ref identity, ref missing);
        if (identity.Deny is not null)
        {
            denyingLayer = PolicySetType.Identity;
        }

        if (denyingLayer is null && input.PermissionsBoundary is { } permissionsBoundary)
        {
            ScanPolicy(permissionsBoundary, PolicySetType.PermissionsBoundary, request, action, ref boundary, ref missing);
            boundary.Scanned = true;
            if (boundary.Deny is not null)
            {
                denyingLayer = PolicySetType.PermissionsBoundary;
            }
        }

        if (denyingLayer is null && input.SessionPolicies is { } sessionPolicies)
        {
            ScanLayer(sessionPolicies, PolicySetType.Session, request, action, ref session, ref missing);
            if (session.Deny is not null)
            {
                denyingLayer = PolicySetType.Session;
            }
        }

        if (denyingLayer is null)
        {
            ScanLayer(input.ResourcePolicies, PolicySetType.Resource, request, action, ref resource, ref missing);
            if (resource.Deny is not null)
            {
                denyingLayer = PolicySetType.Resource;
            }
        }

        var denied = denyingLayer is not null;
        var identityResult = IdentityResult(identity, input);
        var boundaryResult = BoundaryResult(boundary, input, denied);
        var sessionResult = SessionResult(session, input, request, denied);
        var resourceResult = ResourceResult(resource, input, denied);

        DecisionEffect effect;
        PolicySetType? decidingLayer;
        if (denied)
        {
            effect = DecisionEffect.ExplicitDeny;
            decidingLayer = denyingLayer;
        }
        else
        {
            decidingLayer = FirstFailingLayer(identityResult, boundaryResult, sessionResult, resource.Grant, input);
            effect = decidingLayer is null ? DecisionEffect.Allowed : DecisionEffect.ImplicitDeny;
        }

        return new EvaluationOutcome(
            request,
            input,
            effect,
            decidingLayer,
            resource.Grant,
            identityResult,
            boundaryResult,
            sessionResult,
            resourceResult,
            missing.ToList());
    }

    /// <summary>The first gate that does not allow, in the algorithm's order, or null when the request is allowed.</summary>
    private static PolicySetType? FirstFailingLayer(
        in LayerResult identity,
        in LayerResult boundary,
        in LayerResult session,
        ResourcePolicyGrant grant,
        EvaluationInput input)
    {
        var identityAllows = identity.Outcome == LayerOutcome.Allowed;
        var boundaryAllows = boundary.Outcome is LayerOutcome.Allowed or LayerOutcome.NotApplicable;
        var sessionAllows = session.Outcome is LayerOutcome.Allowed or LayerOutcome.NotApplicable;

        if (input.SameAccount)
        {
            switch (grant)
            {
                case ResourcePolicyGrant.Direct:
                    // Naming the caller itself grants regardless of identity, boundary and session policies.
                    return null;
                case ResourcePolicyGrant.Role:
                    // Naming the session's role skips the identity check, not the boundary or session policies.
                    return !boundaryAllows ? PolicySetType.PermissionsBoundary
                        : !sessionAllows ? PolicySetType.Session
                        : null;
            }
        }

        if (!identityAllows)
        {
            return PolicySetType.Identity;
        }

        if (!boundaryAllows)
        {
            return PolicySetType.PermissionsBoundary;
        }

        if (!sessionAllows)
        {
            return PolicySetType.Session;
        }

        var resourceMustAllow = !input.SameAccount || input.RequireResourcePolicyAllow;
        return resourceMustAllow && grant == ResourcePolicyGrant.None ? PolicySetType.Resource : null;
    }

    private static LayerResult IdentityResult(in LayerScan scan, EvaluationInput input)
    {
        if (scan.Deny is not null)
        {
            return new LayerResult(LayerOutcome.ExplicitDeny, scan.DenyPolicy, scan.Deny);
        }

        // The root user is allowed everything in its own account without any policy.
        var allowed = scan.Allow is not null || input.IsRoot;
        return new LayerResult(allowed ? LayerOutcome.Allowed : LayerOutcome.ImplicitDeny, scan.AllowPolicy, scan.Allow);
    }

    private static LayerResult BoundaryResult(in LayerScan scan, EvaluationInput input, bool denied)
    {
        if (input.PermissionsBoundary is null)
        {
            return new LayerResult(LayerOutcome.NotApplicable, null, null);
        }

        return ScannedResult(scan, denied, input.IsRoot);
    }

    private static LayerResult SessionResult(in LayerScan scan, EvaluationInput input, RequestContext request, bool denied)
    {
        if (input.SessionPolicies is null)
        {
            // A role session without session policies passes; a federated user's session grants nothing
            // unless GetFederationToken was given session policies.
            var federatedUser = request.PrincipalType == PrincipalType.FederatedUser && !input.IsRoot;
            return new LayerResult(federatedUser ? LayerOutcome.ImplicitDeny : LayerOutcome.NotApplicable, null, null);
        }

        return ScannedResult(scan, denied, input.IsRoot);
    }

    private static LayerResult ResourceResult(in LayerScan scan, EvaluationInput input, bool denied)
    {
        if (input.ResourcePolicies.Count == 0 && !input.RequireResourcePolicyAllow)
        {
            return new LayerResult(LayerOutcome.NotApplicable, null, null);
        }

        return ScannedResult(scan, denied, alwaysAllowed: false);
    }

    private static LayerResult ScannedResult(in LayerScan scan, bool denied, bool alwaysAllowed)
    {
        if (scan.Deny is not null)
        {
            return new LayerResult(LayerOutcome.ExplicitDeny, scan.DenyPolicy, scan.Deny);
        }

        if (!scan.Scanned && denied)
        {
            return new LayerResult(LayerOutcome.NotEvaluated, null, null);
        }

        var allowed = scan.Allow is not null || alwaysAllowed;
        return new LayerResult(allowed ? LayerOutcome.Allowed : LayerOutcome.ImplicitDeny, scan.AllowPolicy, scan.Allow);
    }

    private static void ScanLayer(
        IReadOnlyList<PolicySource> policies,
        PolicySetType layer,
        RequestContext request,
        in RequestedAction action,
        ref LayerScan scan,
        ref MissingContextKeys missing)
    {
        scan.Scanned = true;
        var count = policies.Count;
        for (var index = 0; index < count && scan.Deny is null; index++)
        {
            ScanPolicy(policies[index], layer, request, action, ref scan, ref missing);
        }
    }

    private static void ScanPolicy(
        PolicySource source,
        PolicySetType layer,
        RequestContext request,
        in RequestedAction action,
        ref LayerScan scan,
        ref MissingContextKeys missing)
    {
        var isResourceLayer = layer == PolicySetType.Resource;
        var document = source.Document;
        var serviceNumber = document.Services.NumberOf(action);
        foreach (var statement in document.CompiledStatements)
        {
            if (statement.Effect == StatementEffect.Allow)
            {
                // Once a type allows, only its denies (or, for resource policies, a stronger grant) can change the outcome.
                var settled = isResourceLayer ? scan.Grant == ResourcePolicyGrant.Direct : scan.Allow is not null;
                if (settled)
                {
                    continue;
                }
            }

            // The action is the cheapest test and rules out most statements, so it comes first.
            if (!statement.AppliesToAction(action, serviceNumber))
            {
                continue;
            }

            // Principal elements count only in resource policies (the grammar refuses them elsewhere).
            var grant = isResourceLayer ? statement.MatchPrincipal(request) : ResourcePolicyGrant.Direct;
            if (grant == ResourcePolicyGrant.None
                || !statement.AppliesToResource(request, ref missing)
                || !statement.ConditionsHold(request, ref missing))
            {
                continue;
            }

            if (statement.Effect == StatementEffect.Deny)
            {
                scan.DenyPolicy = source;
                scan.Deny = statement;
                return;
            }

            if (!isResourceLayer)
            {
                scan.AllowPolicy = source;
                scan.Allow = statement;
            }
            else if (grant > scan.Grant)
            {
                scan.Grant = grant;
                scan.AllowPolicy = source;
                scan.Allow = statement;
            }
        }
    }
}
