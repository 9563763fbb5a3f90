namespace Emulator.Policy;

/// <summary>
/// IAM's decision algorithm (policy-evaluation §2): explicit deny wins, then the resource-policy shortcut,
/// then identity ∩ permissions boundary ∩ session policies; cross-account requests need both sides.
/// </summary>
/// <remarks>
/// Pure and deterministic. The statement loop allocates nothing: patterns and conditions were compiled when
/// the policies were written, and variables are substituted into stack buffers. The only allocation of an
/// evaluation is the returned <see cref="Decision"/> (plus a list when context keys are missing).
/// </remarks>
public static class PolicyEvaluator
{
    public static Decision Evaluate(RequestContext request, EvaluationInput input)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(input);

        var missing = default(MissingContextKeys);
        var identity = default(LayerScan);
        var boundary = default(LayerScan);
        var session = default(LayerScan);
        var resource = default(LayerScan);

        // Deny precedence when several types deny: the first type in this order names the denial.
        ScanLayer(input.IdentityPolicies, PolicySetType.Identity, request, ref identity, ref missing);
        var deny = identity.Deny;
        if (deny is null && input.PermissionsBoundary is { } permissionsBoundary)
        {
            ScanPolicy(permissionsBoundary, PolicySetType.PermissionsBoundary, request, ref boundary, ref missing);
            boundary.Scanned = true;
            deny = boundary.Deny;
        }

        if (deny is null && input.SessionPolicies is { } sessionPolicies)
        {
            ScanLayer(sessionPolicies, PolicySetType.Session, request, ref session, ref missing);
            deny = session.Deny;
        }

        if (deny is null)
        {
            ScanLayer(input.ResourcePolicies, PolicySetType.Resource, request, ref resource, ref missing);
            deny = resource.Deny;
        }

        var verdicts = new LayerVerdicts(
            IdentityVerdict(identity, input),
            BoundaryVerdict(boundary, input, deny),
            SessionVerdict(session, input, request, deny),
            ResourceVerdict(resource, input, deny));

        if (deny is { } denyingStatement)
        {
            return new Decision(request, input, DecisionEffect.ExplicitDeny, denyingStatement.Layer, resource.Grant, verdicts, missing.ToList());
        }

        var failedLayer = FirstFailingLayer(verdicts, resource.Grant, input);
        return new Decision(
            request,
            input,
            failedLayer is null ? DecisionEffect.Allowed : DecisionEffect.ImplicitDeny,
            failedLayer,
            resource.Grant,
            verdicts,
            missing.ToList());
    }

    /// <summary>The first gate that does not allow, in the algorithm's order, or null when the request is allowed.</summary>
    private static PolicySetType? FirstFailingLayer(LayerVerdicts verdicts, ResourcePolicyGrant grant, EvaluationInput input)
    {
        var identityAllows = verdicts.Identity.Outcome == LayerOutcome.Allowed;
        var boundaryAllows = verdicts.PermissionsBoundary.Outcome is LayerOutcome.Allowed or LayerOutcome.NotApplicable;
        var sessionAllows = verdicts.Session.Outcome is LayerOutcome.Allowed or LayerOutcome.NotApplicable;

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

    private static LayerVerdict IdentityVerdict(LayerScan scan, EvaluationInput input)
    {
        if (scan.Deny is not null)
        {
            return new LayerVerdict(PolicySetType.Identity, LayerOutcome.ExplicitDeny, scan.Deny);
        }

        // The root user is allowed everything in its own account without any policy.
        var allowed = scan.Allow is not null || input.IsRoot;
        return new LayerVerdict(PolicySetType.Identity, allowed ? LayerOutcome.Allowed : LayerOutcome.ImplicitDeny, scan.Allow);
    }

    private static LayerVerdict BoundaryVerdict(LayerScan scan, EvaluationInput input, DecidingStatement? deny)
    {
        if (input.PermissionsBoundary is null)
        {
            return new LayerVerdict(PolicySetType.PermissionsBoundary, LayerOutcome.NotApplicable, null);
        }

        return ScannedVerdict(PolicySetType.PermissionsBoundary, scan, deny, input.IsRoot);
    }

    private static LayerVerdict SessionVerdict(LayerScan scan, EvaluationInput input, RequestContext request, DecidingStatement? deny)
    {
        if (input.SessionPolicies is null)
        {
            // A role session without session policies passes; a federated user's session grants nothing
            // unless GetFederationToken was given session policies.
            var federatedUser = request.PrincipalType == PrincipalType.FederatedUser && !input.IsRoot;
            return new LayerVerdict(PolicySetType.Session, federatedUser ? LayerOutcome.ImplicitDeny : LayerOutcome.NotApplicable, null);
        }

        return ScannedVerdict(PolicySetType.Session, scan, deny, input.IsRoot);
    }

    private static LayerVerdict ResourceVerdict(LayerScan scan, EvaluationInput input, DecidingStatement? deny)
    {
        if (input.ResourcePolicies.Count == 0 && !input.RequireResourcePolicyAllow)
        {
            return new LayerVerdict(PolicySetType.Resource, LayerOutcome.NotApplicable, null);
        }

        return ScannedVerdict(PolicySetType.Resource, scan, deny, alwaysAllowed: false);
    }

    private static LayerVerdict ScannedVerdict(PolicySetType layer, LayerScan scan, DecidingStatement? deny, bool alwaysAllowed)
    {
        if (scan.Deny is not null)
        {
            return new LayerVerdict(layer, LayerOutcome.ExplicitDeny, scan.Deny);
        }

        if (!scan.Scanned && deny is not null)
        {
            return new LayerVerdict(layer, LayerOutcome.NotEvaluated, null);
        }

        var allowed = scan.Allow is not null || alwaysAllowed;
        return new LayerVerdict(layer, allowed ? LayerOutcome.Allowed : LayerOutcome.ImplicitDeny, scan.Allow);
    }

    private static void ScanLayer(IReadOnlyList<PolicySource> policies, PolicySetType layer, RequestContext request, ref LayerScan scan, ref MissingContextKeys missing)
    {
        scan.Scanned = true;
        for (var index = 0; index < policies.Count && scan.Deny is null; index++)
        {
            ScanPolicy(policies[index], layer, request, ref scan, ref missing);
        }
    }

    private static void ScanPolicy(PolicySource source, PolicySetType layer, RequestContext request, ref LayerScan scan, ref MissingContextKeys missing)
    {
        var isResourceLayer = layer == PolicySetType.Resource;
        foreach (var statement in source.Document.CompiledStatements)
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

            if (!statement.AppliesToAction(request.Action))
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

            var deciding = new DecidingStatement(source.Id, layer, statement.Sid, statement.Index);
            if (statement.Effect == StatementEffect.Deny)
            {
                scan.Deny = deciding;
                return;
            }

            if (!isResourceLayer)
            {
                scan.Allow = deciding;
            }
            else if (grant > scan.Grant)
            {
                scan.Grant = grant;
                scan.Allow = deciding;
            }
        }
    }
}
