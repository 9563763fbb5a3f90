namespace Emulator.Policy;

/// <summary>
/// One statement of a policy as written, plus its compiled matchers: action patterns lower-cased and split,
/// resource patterns split into ARN segments, principals classified and conditions pre-parsed.
/// </summary>
public sealed class PolicyStatement
{
    private readonly ActionPattern[] _actionPatterns;
    private readonly ArnPattern[]? _resourcePatterns;
    private readonly PrincipalEntry[]? _principalEntries;
    private readonly PolicyCondition[] _conditions;

    /// <summary>
    /// One bit per service the action patterns name (numbers from the policy's <see cref="ServiceTable"/>), when every
    /// pattern names a literal service; 0 otherwise. A request for another service matches none of the patterns, which
    /// most statements show with one bit test.
    /// </summary>
    private readonly ulong _serviceMask;

    internal PolicyStatement(
        int index,
        string? sid,
        StatementEffect effect,
        IReadOnlyList<string> actions,
        bool isNotAction,
        IReadOnlyList<string>? resources,
        bool isNotResource,
        IReadOnlyList<PolicyPrincipal>? principals,
        bool isNotPrincipal,
        PolicyCondition[] conditions,
        bool variablesEnabled,
        ServiceTable.Builder services)
    {
        Index = index;
        Sid = sid;
        Effect = effect;
        Actions = actions;
        IsNotAction = isNotAction;
        Resources = resources ?? [];
        HasResourceElement = resources is not null;
        IsNotResource = isNotResource;
        Principals = principals ?? [];
        HasPrincipalElement = principals is not null;
        IsNotPrincipal = isNotPrincipal;
        _conditions = conditions;

        _actionPatterns = new ActionPattern[actions.Count];
        for (var position = 0; position < actions.Count; position++)
        {
            _actionPatterns[position] = new ActionPattern(actions[position], services);
        }

        _serviceMask = ServiceMaskOf(_actionPatterns);

        if (resources is not null)
        {
            _resourcePatterns = new ArnPattern[resources.Count];
            for (var position = 0; position < resources.Count; position++)
            {
                _resourcePatterns[position] = ArnPattern.Create(resources[position], variablesEnabled);
            }
        }

        if (principals is not null)
        {
            _principalEntries = new PrincipalEntry[principals.Count];
            for (var position = 0; position < principals.Count; position++)
            {
                _principalEntries[position] = PrincipalEntry.Create(principals[position]);
            }
        }
    }

    /// <summary>Zero-based position of the statement in the policy.</summary>
    public int Index { get; }

    /// <summary>The <c>Sid</c>, or null when absent (an empty <c>Sid</c> is kept as written).</summary>
    public string? Sid { get; }

    public StatementEffect Effect { get; }

    /// <summary>The <c>Action</c> (or <c>NotAction</c>, see <see cref="IsNotAction"/>) patterns as written.</summary>
    public IReadOnlyList<string> Actions { get; }

    public bool IsNotAction { get; }

    /// <summary>The <c>Resource</c> (or <c>NotResource</c>) patterns as written; empty in trust policies.</summary>
    public IReadOnlyList<string> Resources { get; }

    /// <summary>False for statements without <c>Resource</c>/<c>NotResource</c> (trust policies): they apply to any resource.</summary>
    public bool HasResourceElement { get; }

    public bool IsNotResource { get; }

    /// <summary>The <c>Principal</c> (or <c>NotPrincipal</c>) entries; empty outside resource policies.</summary>
    public IReadOnlyList<PolicyPrincipal> Principals { get; }

    public bool HasPrincipalElement { get; }

    public bool IsNotPrincipal { get; }

    public IReadOnlyList<PolicyCondition> Conditions => _conditions;

    /// <summary>How reports name the statement: its Sid, or its position when it has none.</summary>
    public string Label => string.IsNullOrEmpty(Sid) ? $"Statement[{Index}]" : Sid;

    /// <summary>Does <c>Action</c>/<c>NotAction</c> cover the action? Case-insensitive.</summary>
    public bool AppliesToAction(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Span<char> buffer = action.Length <= RequestedAction.StackLength ? stackalloc char[RequestedAction.StackLength] : new char[action.Length];
        return AppliesToAction(RequestedAction.Lower(action, buffer), ServiceTable.Unresolved);
    }

    /// <summary>The evaluator's form: the action lower-cased once for every statement, its service looked up once per policy.</summary>
    /// <param name="serviceNumber">The request's service in the policy's <see cref="ServiceTable"/>, or <see cref="ServiceTable.Unresolved"/>.</param>
    internal bool AppliesToAction(in RequestedAction action, int serviceNumber)
    {
        if (_serviceMask != 0
            && serviceNumber != ServiceTable.Unresolved
            && (serviceNumber < 0 || (_serviceMask & (1UL << serviceNumber)) == 0))
        {
            // No pattern names the request's service: Action does not match, NotAction does.
            return IsNotAction;
        }

        var matched = false;
        foreach (var pattern in _actionPatterns)
        {
            if (pattern.Matches(action, serviceNumber))
            {
                matched = true;
                break;
            }
        }

        return matched != IsNotAction;
    }

    /// <summary>Does <c>Resource</c>/<c>NotResource</c> cover the request's resource? Case-sensitive, per ARN segment.</summary>
    internal bool AppliesToResource(RequestContext request, ref MissingContextKeys missing)
    {
        if (_resourcePatterns is null)
        {
            return true;
        }

        var matched = false;
        foreach (var pattern in _resourcePatterns)
        {
            if (pattern.Matches(request.Resource, request, ref missing))
            {
                matched = true;
                break;
            }
        }

        return matched != IsNotResource;
    }

    /// <summary>
    /// How the statement's <c>Principal</c> names the caller. <c>NotPrincipal</c> applies to everyone it does not
    /// name, and then counts only as an account-level grant.
    /// </summary>
    internal ResourcePolicyGrant MatchPrincipal(RequestContext request)
    {
        if (_principalEntries is null)
        {
            // Resource policies must name a principal; a statement without one applies to nobody.
            return ResourcePolicyGrant.None;
        }

        var best = ResourcePolicyGrant.None;
        foreach (var entry in _principalEntries)
        {
            var grant = entry.Match(request);
            if (grant > best)
            {
                best = grant;
            }
        }

        if (IsNotPrincipal)
        {
            return best == ResourcePolicyGrant.None ? ResourcePolicyGrant.Account : ResourcePolicyGrant.None;
        }

        return best;
    }

    /// <summary>
    /// All conditions hold (AND). After the first false one the rest are only checked for missing keys,
    /// so a decision can list every key the statement wanted.
    /// </summary>
    internal bool ConditionsHold(RequestContext request, ref MissingContextKeys missing)
    {
        var holds = true;
        foreach (var condition in _conditions)
        {
            if (holds)
            {
                holds = ConditionEvaluator.Evaluate(condition, request, ref missing);
            }
            else if (condition.Operator != ConditionOperator.Null && !request.Contains(condition.ContextKey))
            {
                missing.Add(condition.Key);
            }
        }

        return holds;
    }

    public override string ToString() => $"{Label} ({Effect})";

    private static ulong ServiceMaskOf(ActionPattern[] patterns)
    {
        var mask = 0UL;
        foreach (var pattern in patterns)
        {
            if (pattern.ServiceNumber < 0)
            {
                // A wildcard service (or one past the table's capacity) could be any service: no filter.
                return 0;
            }

            mask |= 1UL << pattern.ServiceNumber;
        }

        return mask;
    }
}
