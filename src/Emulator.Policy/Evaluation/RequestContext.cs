namespace Emulator.Policy;

/// <summary>
/// Everything the evaluator knows about one request: the action, the resource, the caller and the
/// condition context keys. Built by the caller per request with <see cref="Set(string, string)"/>.
/// </summary>
/// <remarks>
/// Context key names are case-insensitive, as in IAM. The object is a builder: set every key before
/// evaluating, and do not share one instance between threads while it is being filled.
/// </remarks>
public sealed class RequestContext
{
    private readonly Dictionary<string, ContextValue> _values = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="action">The IAM action, e.g. <c>iam:GetRole</c>.</param>
    /// <param name="resource">The resource ARN, or <c>*</c> for actions without a resource type.</param>
    public RequestContext(string action, string resource)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(resource);
        Action = action;
        Resource = resource;
    }

    public string Action { get; }

    public string Resource { get; }

    /// <summary>
    /// The caller as <c>aws:PrincipalArn</c> names it: user ARN, root ARN, federated-user ARN, and the
    /// role ARN (with path) for role sessions. For <see cref="PrincipalType.Service"/> the service name, for
    /// <see cref="PrincipalType.WebIdentity"/> the identity provider.
    /// </summary>
    public string PrincipalArn { get; init; } = string.Empty;

    /// <summary>The session ARN of a role session (<c>arn:aws:sts::…:assumed-role/R/s</c>); denial messages name it.</summary>
    public string? SessionArn { get; init; }

    /// <summary>The caller's account id.</summary>
    public string PrincipalAccount { get; init; } = string.Empty;

    public PrincipalType PrincipalType { get; init; } = PrincipalType.User;

    /// <summary>The ARN AWS puts after "User:" in a denial: the session ARN for sessions, else the principal ARN.</summary>
    public string CallerArnForMessages => SessionArn ?? PrincipalArn;

    /// <summary>Every context key set so far.</summary>
    public IReadOnlyDictionary<string, ContextValue> Values => _values;

    /// <summary>Sets a single-valued key (replacing any earlier value).</summary>
    public RequestContext Set(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        _values[key] = ContextValue.Single(value);
        return this;
    }

    /// <summary>Sets a multi-valued key such as <c>aws:TagKeys</c>; an empty set is present but empty.</summary>
    public RequestContext Set(string key, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(key);
        _values[key] = ContextValue.Multiple(values);
        return this;
    }

    public bool Remove(string key) => _values.Remove(key);

    public bool TryGetValue(string key, out ContextValue value) => _values.TryGetValue(key, out value);

    public bool Contains(string key) => _values.ContainsKey(key);
}
