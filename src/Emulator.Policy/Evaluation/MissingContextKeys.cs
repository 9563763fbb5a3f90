namespace Emulator.Policy;

/// <summary>Context keys a condition or variable asked for but the request did not carry.</summary>
/// <remarks>The list is created only when the first key is missing, keeping the common path allocation-free.</remarks>
internal struct MissingContextKeys
{
    private List<string>? _keys;

    public void Add(string key)
    {
        _keys ??= [];
        foreach (var existing in _keys)
        {
            if (string.Equals(existing, key, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        _keys.Add(key);
    }

    public readonly IReadOnlyList<string> ToList() => _keys is null ? [] : _keys.AsReadOnly();
}
