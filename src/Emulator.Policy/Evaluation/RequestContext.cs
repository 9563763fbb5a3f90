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
    private const int InitialCapacity = 8;

    private readonly Dictionary<string, ContextValue> _values = new(StringComparer.OrdinalIgnoreCase);

    // The same keys again in a small open-addressing table for the evaluator, keyed by the hash a policy computed
    // when it was compiled (ContextKey): a lookup is one masked index and, almost always, one ordinal comparison,
    // instead of hashing the key name case-insensitively on every condition of every statement.
    private ContextEntry[] _entries = new ContextEntry[InitialCapacity];
    private int[] _slots = new int[InitialCapacity * 2];
    private int _count;

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
        Store(key, ContextValue.Single(value));
        return this;
    }

    /// <summary>Sets a multi-valued key such as <c>aws:TagKeys</c>; an empty set is present but empty.</summary>
    public RequestContext Set(string key, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(key);
        Store(key, ContextValue.Multiple(values));
        return this;
    }

    public bool Remove(string key)
    {
        if (!_values.Remove(key))
        {
            return false;
        }

        // Removal is rare (request building only): move the last entry into the gap and rebuild the slots.
        var index = IndexOf(key, ContextKey.HashOf(key));
        _count--;
        _entries[index] = _entries[_count];
        _entries[_count] = default;
        RebuildSlots();
        return true;
    }

    public bool TryGetValue(string key, out ContextValue value) => _values.TryGetValue(key, out value);

    public bool Contains(string key) => _values.ContainsKey(key);

    /// <summary>The evaluator's lookup: same answer as <see cref="TryGetValue(string, out ContextValue)"/>, without hashing.</summary>
    internal bool TryGetValue(in ContextKey key, out ContextValue value)
    {
        var index = IndexOf(key.Name, key.Hash);
        if (index < 0)
        {
            value = default;
            return false;
        }

        value = _entries[index].Value;
        return true;
    }

    internal bool Contains(in ContextKey key) => IndexOf(key.Name, key.Hash) >= 0;

    private void Store(string key, ContextValue value)
    {
        // A key set again under another spelling keeps its first spelling, as the dictionary does.
        _values[key] = value;
        var hash = ContextKey.HashOf(key);
        var index = IndexOf(key, hash);
        if (index >= 0)
        {
            _entries[index] = _entries[index] with { Value = value };
            return;
        }

        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _count * 2);
            _entries[_count++] = new ContextEntry(key, hash, value);
            RebuildSlots();
            return;
        }

        _entries[_count] = new ContextEntry(key, hash, value);
        _count++;
        Occupy(_count - 1);
    }

    private int IndexOf(string key, int hash)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var slot = hash & mask; slots[slot] != 0; slot = (slot + 1) & mask)
        {
            ref readonly var entry = ref _entries[slots[slot] - 1];
            if (entry.Hash == hash
                && (string.Equals(entry.Key, key, StringComparison.Ordinal) || string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase)))
            {
                return slots[slot] - 1;
            }
        }

        return -1;
    }

    /// <summary>Keeps the table at most half full, so probe runs stay short.</summary>
    private void RebuildSlots()
    {
        _slots = new int[_entries.Length * 2];
        for (var index = 0; index < _count; index++)
        {
            Occupy(index);
        }
    }

    private void Occupy(int index)
    {
        var mask = _slots.Length - 1;
        var slot = _entries[index].Hash & mask;
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = index + 1;
    }

    /// <summary>One key of the evaluator's table; <see cref="Hash"/> is <see cref="ContextKey.HashOf"/> of <see cref="Key"/>.</summary>
    private readonly record struct ContextEntry(string Key, int Hash, ContextValue Value);
}
