namespace Emulator.Policy;

/// <summary>A context key name as a policy writes it, with its case-insensitive hash computed once at compile time.</summary>
/// <remarks>
/// Conditions and variables look their key up on every evaluation; carrying the hash lets
/// <see cref="RequestContext"/> find the value without hashing the name again.
/// </remarks>
internal readonly struct ContextKey
{
    public ContextKey(string name)
    {
        Name = name;
        Hash = HashOf(name);
    }

    public string Name { get; }

    public int Hash { get; }

    /// <summary>The hash every lookup of a key uses: key names are case-insensitive, as in IAM.</summary>
    public static int HashOf(string name) => name.GetHashCode(StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Name;
}
