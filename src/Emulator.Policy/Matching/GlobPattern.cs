namespace Emulator.Policy;

/// <summary>A wildcard pattern compiled once: its characters, how each one matches, and its shape.</summary>
/// <remarks>
/// Most patterns in real policies are <c>*</c>, a literal, or a literal followed by <c>*</c>
/// (<c>Describe*</c>, <c>role/app/*</c>); those are matched with one ordinal comparison instead of the general scan.
/// </remarks>
internal sealed class GlobPattern
{
    private readonly string _text;
    private readonly GlobUnitKind[] _kinds;
    private readonly GlobShape _shape;

    /// <summary>For <see cref="GlobShape.Prefix"/>, the literal text before the trailing <c>*</c>.</summary>
    private readonly string _prefix;

    private GlobPattern(string text)
    {
        _text = text;
        _kinds = GlobMatcher.KindsOf(text);
        _prefix = string.Empty;
        var firstWildcard = Array.FindIndex(_kinds, static kind => kind != GlobUnitKind.Literal);
        if (firstWildcard < 0)
        {
            _shape = GlobShape.Literal;
        }
        else if (Array.TrueForAll(_kinds[firstWildcard..], static kind => kind == GlobUnitKind.AnyRun))
        {
            _shape = firstWildcard == 0 ? GlobShape.Everything : GlobShape.Prefix;
            _prefix = text[..firstWildcard];
        }
        else
        {
            _shape = GlobShape.General;
        }
    }

    /// <summary>True for <c>*</c> (or <c>**</c>…): every input matches, so callers may skip the work.</summary>
    public bool MatchesEverything => _shape == GlobShape.Everything;

    /// <summary>True when the pattern has no wildcard: it matches only its own text.</summary>
    public bool IsLiteral => _shape == GlobShape.Literal;

    /// <summary>A case-sensitive pattern where every <c>*</c> and <c>?</c> is a wildcard.</summary>
    public static GlobPattern CaseSensitive(string text) => new(text);

    /// <summary>
    /// A case-insensitive pattern (IAM action names), lower-cased here: <see cref="Matches"/> then expects input
    /// lower-cased the same way (<see cref="RequestedAction"/>).
    /// </summary>
    public static GlobPattern LowerCased(string text) => new(text.ToLowerInvariant());

    public bool Matches(ReadOnlySpan<char> input) => _shape switch
    {
        GlobShape.Everything => true,
        GlobShape.Literal => input.SequenceEqual(_text),
        GlobShape.Prefix => input.StartsWith(_prefix),
        _ => GlobMatcher.Matches(_text, _kinds, input),
    };

    public override string ToString() => _text;

    private enum GlobShape : byte
    {
        /// <summary>Only <c>*</c>s.</summary>
        Everything,

        /// <summary>No wildcard.</summary>
        Literal,

        /// <summary>Literal text, then only <c>*</c>s.</summary>
        Prefix,

        General,
    }
}
