namespace Emulator.Policy;

/// <summary>
/// The outcome of one evaluation without allocating: the effect, the deciding policy type, each type's verdict and
/// the statements behind them (by reference). Everything a <see cref="Decision"/> says can be read from it, and
/// <see cref="ToDecision"/> builds one when a caller needs an object to keep.
/// </summary>
/// <remarks>
/// Returned by <see cref="PolicyEvaluator.EvaluateOutcome"/>. Properties that return lists or text
/// (<see cref="Layers"/>, <see cref="DecidingStatements"/>, <see cref="DenialMessage"/>) build them when called;
/// <see cref="Effect"/>, <see cref="IsAllowed"/>, <see cref="DecidingLayer"/> and the four verdicts do not allocate.
/// A <c>default</c> instance describes no evaluation and must not be read.
/// </remarks>
public readonly struct EvaluationOutcome
{
    private readonly RequestContext _request;
    private readonly EvaluationInput _input;
    private readonly LayerResult _identity;
    private readonly LayerResult _permissionsBoundary;
    private readonly LayerResult _session;
    private readonly LayerResult _resource;

    internal EvaluationOutcome(
        RequestContext request,
        EvaluationInput input,
        DecisionEffect effect,
        PolicySetType? decidingLayer,
        ResourcePolicyGrant resourceGrant,
        in LayerResult identity,
        in LayerResult permissionsBoundary,
        in LayerResult session,
        in LayerResult resource,
        IReadOnlyList<string> missingContextKeys)
    {
        _request = request;
        _input = input;
        Effect = effect;
        DecidingLayer = decidingLayer;
        ResourceGrant = resourceGrant;
        _identity = identity;
        _permissionsBoundary = permissionsBoundary;
        _session = session;
        _resource = resource;
        MissingContextKeys = missingContextKeys;
    }

    public DecisionEffect Effect { get; }

    public bool IsAllowed => Effect == DecisionEffect.Allowed;

    /// <summary>For a denial, the policy type that denied (explicitly, or as the first gate without an allow); null when allowed.</summary>
    public PolicySetType? DecidingLayer { get; }

    /// <summary>How directly an allowing resource policy named the caller.</summary>
    public ResourcePolicyGrant ResourceGrant { get; }

    public LayerVerdict IdentityVerdict => _identity.ToVerdict(PolicySetType.Identity);

    public LayerVerdict PermissionsBoundaryVerdict => _permissionsBoundary.ToVerdict(PolicySetType.PermissionsBoundary);

    public LayerVerdict SessionVerdict => _session.ToVerdict(PolicySetType.Session);

    public LayerVerdict ResourceVerdict => _resource.ToVerdict(PolicySetType.Resource);

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

    public string Action => _request.Action;

    /// <summary>The evaluated resource ARN, or <c>*</c>.</summary>
    public string Resource => _request.Resource;

    /// <summary>The ARN denial messages name (the session ARN for role sessions).</summary>
    public string CallerArn => _request.CallerArnForMessages;

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

    /// <summary>The same outcome as a <see cref="Decision"/> object (one allocation; nothing is evaluated again).</summary>
    public Decision ToDecision() => new(this);

    public override string ToString() =>
        IsAllowed ? $"Allowed {Action} on {Resource}" : DenialMessage();

    private string Reason(PolicySetType layer)
    {
        // Role trust policies must allow explicitly; their denials name them instead of "resource-based policy".
        var resourceIsRoleTrustPolicy = _input.RequireResourcePolicyAllow;
        if (Effect == DecisionEffect.ExplicitDeny)
        {
            return layer switch
            {
                PolicySetType.Identity => "with an explicit deny in an identity-based policy",
                PolicySetType.PermissionsBoundary => "with an explicit deny in a permissions boundary",
                PolicySetType.Session => "with an explicit deny in a session policy",
                _ => resourceIsRoleTrustPolicy
                    ? "with an explicit deny in the role trust policy"
                    : "with an explicit deny in a resource-based policy",
            };
        }

        var policyType = layer switch
        {
            PolicySetType.Identity => "identity-based policy",
            PolicySetType.PermissionsBoundary => "permissions boundary",
            PolicySetType.Session => "session policy",
            _ => resourceIsRoleTrustPolicy ? "role trust policy" : "resource-based policy",
        };
        return $"because no {policyType} allows the {Action} action";
    }
}
