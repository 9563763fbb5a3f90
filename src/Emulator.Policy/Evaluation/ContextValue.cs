namespace Emulator.Policy;

/// <summary>The value of one request context key: one string, or a set of strings for multi-valued keys.</summary>
/// <remarks>A struct over a string or an array so that reading it during evaluation allocates nothing.</remarks>
public readonly struct ContextValue
{
    private readonly string? _single;
    private readonly string[]? _many;

    private ContextValue(string? single, string[]? many)
    {
        _single = single;
        _many = many;
    }

    /// <summary>Number of values: 1 for single-valued keys; any count (even 0) for multi-valued keys.</summary>
    public int Count => _many?.Length ?? (_single is null ? 0 : 1);

    /// <summary>True for keys set as a set of values (<c>aws:TagKeys</c>…), even when the set has one value.</summary>
    public bool IsMultiValued => _many is not null;

    public string this[int index] => _many is not null
        ? _many[index]
        : index == 0 && _single is not null ? _single : throw new ArgumentOutOfRangeException(nameof(index));

    public static ContextValue Single(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ContextValue(value, null);
    }

    public static ContextValue Multiple(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new ContextValue(null, [.. values]);
    }

    public override string ToString() => _many is null ? _single ?? string.Empty : "[" + string.Join(", ", _many) + "]";
}
