namespace Emulator.Policy;

/// <summary>
/// The outcome of one evaluation, explained: the effect, which policy type decided it and by which
/// statements, what each type said, and the context keys conditions asked for but did not get.
/// </summary>
public sealed class Decision
{
    private readonly LayerVerdicts _verdicts;
    private readonly bool _resourceIsRoleTrustPolicy;

    internal Decision(
        RequestContext request,
        EvaluationInput input,
        DecisionEffect effect,
        PolicySetType? decidingLayer,
        ResourcePolicyGrant resourceGrant,
        LayerVerdicts verdicts,
        IReadOnlyList<string> missingContextKeys)
    {
        Action = request.Action;
        Resource = request.Resource;
        CallerArn = request.CallerArnForMessages;
        Effect = effect;
        DecidingLayer = decidingLayer;
        ResourceGrant = resourceGrant;
        _verdicts = verdicts;
        _resourceIsRoleTrustPolicy = input.RequireResourcePolicyAllow;
        MissingContextKeys = missingContextKeys;
    }

    public DecisionEffect Effect { get; }

    public bool IsAllowed => Effect == DecisionEffect.Allowed;

    /// <summary>For a denial, the policy type that denied (explicitly, or as the first gate without an allow); null when allowed.</summary>
    public PolicySetType? DecidingLayer { get; }

    /// <summary>How directly an allowing resource policy named the caller.</summary>
    public ResourcePolicyGrant ResourceGrant { get; }

    public LayerVerdict IdentityVerdict => _verdicts.Identity;

    public LayerVerdict PermissionsBoundaryVerdict => _verdicts.PermissionsBoundary;

    public LayerVerdict SessionVerdict => _verdicts.Session;

    public LayerVerdict ResourceVerdict => _verdicts.Resource;

    /// <summary>The four per-type verdicts, in evaluation order.</summary>
    public IReadOnlyList<LayerVerdict> Layers => [IdentityVerdict, PermissionsBoundaryVerdict, SessionVerdict, ResourceVerdict];

    /// <summary>
    /// The statements behind the decision: the explicit deny; or, when allowed, the allowing statement of every
    /// type that allowed; empty for an implicit deny.
    /// </summary>
    public IReadOnlyList<DecidingStatement> DecidingStatements
    {
        get
        {
            var statements = new List<DecidingStatement>(4);
            foreach (var verdict in Layers)
            {
                var counts = Effect == DecisionEffect.ExplicitDeny
                    ? verdict.Outcome == LayerOutcome.ExplicitDeny
                    : Effect == DecisionEffect.Allowed && verdict.Outcome == LayerOutcome.Allowed;
                if (counts && verdict.Statement is { } statement)
                {
                    statements.Add(statement);
                }
            }

            return statements;
        }
    }

    /// <summary>Keys that conditions or policy variables referenced but the request context did not have.</summary>
    public IReadOnlyList<string> MissingContextKeys { get; }

    public string Action { get; }

    /// <summary>The evaluated resource ARN, or <c>*</c>.</summary>
    public string Resource { get; }

    /// <summary>The ARN denial messages name (the session ARN for role sessions).</summary>
    public string CallerArn { get; }

    /// <summary>
    /// AWS's AccessDenied sentence, e.g. <c>User: arn:aws:iam::111122223333:user/alice is not authorized to perform:
    /// iam:GetRole on resource: arn:aws:iam::111122223333:role/web because no identity-based policy allows the
    /// iam:GetRole action</c>. The resource part is left out when the resource is <c>*</c>.
    /// </summary>
    /// <param name="includeReason">False for the short form STS uses for AssumeRole (no "because…" part).</param>
    /// <exception cref="InvalidOperationException">The decision is an allow.</exception>
    public string DenialMessage(bool includeReason = true)
    {
        if (IsAllowed || DecidingLayer is not { } layer)
        {
            throw new InvalidOperationException("An allowed request has no denial message.");
        }

        var sentence = Resource == "*"
            ? $"User: {CallerArn} is not authorized to perform: {Action}"
            : $"User: {CallerArn} is not authorized to perform: {Action} on resource: {Resource}";
        return includeReason ? sentence + " " + Reason(layer) : sentence;
    }

    public override string ToString() =>
        IsAllowed ? $"Allowed {Action} on {Resource}" : DenialMessage();

    private string Reason(PolicySetType layer)
    {
        if (Effect == DecisionEffect.ExplicitDeny)
        {
            return layer switch
            {
                PolicySetType.Identity => "with an explicit deny in an identity-based policy",
                PolicySetType.PermissionsBoundary => "with an explicit deny in a permissions boundary",
                PolicySetType.Session => "with an explicit deny in a session policy",
                _ => _resourceIsRoleTrustPolicy
                    ? "with an explicit deny in the role trust policy"
                    : "with an explicit deny in a resource-based policy",
            };
        }

        var policyType = layer switch
        {
            PolicySetType.Identity => "identity-based policy",
            PolicySetType.PermissionsBoundary => "permissions boundary",
            PolicySetType.Session => "session policy",
            _ => _resourceIsRoleTrustPolicy ? "role trust policy" : "resource-based policy",
        };
        return $"because no {policyType} allows the {Action} action";
    }
}
