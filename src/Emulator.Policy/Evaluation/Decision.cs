namespace Emulator.Policy;

/// <summary>
/// The outcome of one evaluation, explained: the effect, which policy type decided it and by which
/// statements, what each type said, and the context keys conditions asked for but did not get.
/// </summary>
/// <remarks>
/// An object around an <see cref="EvaluationOutcome"/>, for callers that keep or pass decisions around; callers on
/// the hot path use <see cref="PolicyEvaluator.EvaluateOutcome"/> and allocate nothing.
/// </remarks>
public sealed class Decision
{
    private readonly EvaluationOutcome _outcome;

    internal Decision(in EvaluationOutcome outcome)
    {
        _outcome = outcome;
    }

    public DecisionEffect Effect => _outcome.Effect;

    public bool IsAllowed => _outcome.IsAllowed;

    /// <summary>For a denial, the policy type that denied (explicitly, or as the first gate without an allow); null when allowed.</summary>
    public PolicySetType? DecidingLayer => _outcome.DecidingLayer;

    /// <summary>How directly an allowing resource policy named the caller.</summary>
    public ResourcePolicyGrant ResourceGrant => _outcome.ResourceGrant;

    public LayerVerdict IdentityVerdict => _outcome.IdentityVerdict;

    public LayerVerdict PermissionsBoundaryVerdict => _outcome.PermissionsBoundaryVerdict;

    public LayerVerdict SessionVerdict => _outcome.SessionVerdict;

    public LayerVerdict ResourceVerdict => _outcome.ResourceVerdict;

    /// <summary>The four per-type verdicts, in evaluation order.</summary>
    public IReadOnlyList<LayerVerdict> Layers => _outcome.Layers;

    /// <summary>
    /// The statements behind the decision: the explicit deny; or, when allowed, the allowing statement of every
    /// type that allowed; empty for an implicit deny.
    /// </summary>
    public IReadOnlyList<DecidingStatement> DecidingStatements => _outcome.DecidingStatements;

    /// <summary>Keys that conditions or policy variables referenced but the request context did not have.</summary>
    public IReadOnlyList<string> MissingContextKeys => _outcome.MissingContextKeys;

    public string Action => _outcome.Action;

    /// <summary>The evaluated resource ARN, or <c>*</c>.</summary>
    public string Resource => _outcome.Resource;

    /// <summary>The ARN denial messages name (the session ARN for role sessions).</summary>
    public string CallerArn => _outcome.CallerArn;

    /// <summary>The same decision as the allocation-free struct.</summary>
    public EvaluationOutcome Outcome => _outcome;

    /// <summary>
    /// AWS's AccessDenied sentence, e.g. <c>User: arn:aws:iam::111122223333:user/alice is not authorized to perform:
    /// iam:GetRole on resource: arn:aws:iam::111122223333:role/web because no identity-based policy allows the
    /// iam:GetRole action</c>. The resource part is left out when the resource is <c>*</c>.
    /// </summary>
    /// <param name="includeReason">False for the short form STS uses for AssumeRole (no "because…" part).</param>
    /// <exception cref="InvalidOperationException">The decision is an allow.</exception>
    public string DenialMessage(bool includeReason = true) => _outcome.DenialMessage(includeReason);

    public override string ToString() => _outcome.ToString();
}
