namespace Emulator.Policy;

/// <summary>The one wildcard algorithm every pattern in a policy uses: <c>*</c> = any run, <c>?</c> = one character.</summary>
internal static class GlobMatcher
{
    /// <summary>Matches <paramref name="input"/> against a pattern given as characters plus a kind per character.</summary>
    public static bool Matches(
        ReadOnlySpan<char> pattern,
        ReadOnlySpan<GlobUnitKind> kinds,
        ReadOnlySpan<char> input)
    {
        // Greedy scan that remembers only the last '*': enough for globs, linear in practice and
        // O(n*m) at worst, with no recursion and no allocation.
        var patternIndex = 0;
        var inputIndex = 0;
        var starPatternIndex = -1;
        var starInputIndex = 0;
        while (inputIndex < input.Length)
        {
            if (patternIndex < pattern.Length)
            {
                var kind = kinds[patternIndex];
                if (kind == GlobUnitKind.AnyRun)
                {
                    starPatternIndex = patternIndex++;
                    starInputIndex = inputIndex;
                    continue;
                }

                if (kind == GlobUnitKind.AnyOne || pattern[patternIndex] == input[inputIndex])
                {
                    patternIndex++;
                    inputIndex++;
                    continue;
                }
            }

            if (starPatternIndex < 0)
            {
                return false;
            }

            patternIndex = starPatternIndex + 1;
            inputIndex = ++starInputIndex;
        }

        while (patternIndex < pattern.Length && kinds[patternIndex] == GlobUnitKind.AnyRun)
        {
            patternIndex++;
        }

        return patternIndex == pattern.Length;
    }

    /// <summary>Kinds for plain text where every <c>*</c> and <c>?</c> is a wildcard.</summary>
    public static GlobUnitKind[] KindsOf(string text)
    {
        var kinds = new GlobUnitKind[text.Length];
        for (var index = 0; index < text.Length; index++)
        {
            kinds[index] = KindOf(text[index]);
        }

        return kinds;
    }

    public static GlobUnitKind KindOf(char character) => character switch
    {
        '*' => GlobUnitKind.AnyRun,
        '?' => GlobUnitKind.AnyOne,
        _ => GlobUnitKind.Literal,
    };
}
