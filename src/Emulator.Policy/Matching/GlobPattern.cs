namespace Emulator.Policy;

/// <summary>A wildcard pattern compiled once: its characters and how each one matches.</summary>
internal sealed class GlobPattern
{
    private readonly string _text;
    private readonly GlobUnitKind[] _kinds;
    private readonly bool _isLiteral;
    private readonly bool _ignoreCase;

    private GlobPattern(string text, GlobUnitKind[] kinds, bool ignoreCase)
    {
        _text = text;
        _kinds = kinds;
        _ignoreCase = ignoreCase;
        _isLiteral = Array.IndexOf(kinds, GlobUnitKind.AnyRun) < 0 && Array.IndexOf(kinds, GlobUnitKind.AnyOne) < 0;
        MatchesEverything = kinds.Length > 0 && Array.TrueForAll(kinds, static kind => kind == GlobUnitKind.AnyRun);
    }

    /// <summary>True for <c>*</c> (or <c>**</c>…): every input matches, so callers may skip the work.</summary>
    public bool MatchesEverything { get; }

    /// <summary>A case-sensitive pattern where every <c>*</c> and <c>?</c> is a wildcard.</summary>
    public static GlobPattern CaseSensitive(string text) => new(text, GlobMatcher.KindsOf(text), ignoreCase: false);

    /// <summary>A case-insensitive pattern (IAM action names): lower-cased here so matching lowers only the input.</summary>
    public static GlobPattern CaseInsensitive(string text)
    {
        var lowered = text.ToLowerInvariant();
        return new GlobPattern(lowered, GlobMatcher.KindsOf(lowered), ignoreCase: true);
    }

    public bool Matches(ReadOnlySpan<char> input)
    {
        if (MatchesEverything)
        {
            return true;
        }

        if (_isLiteral && !_ignoreCase)
        {
            return input.SequenceEqual(_text);
        }

        return GlobMatcher.Matches(_text, _kinds, input, _ignoreCase);
    }

    public override string ToString() => _text;
}
