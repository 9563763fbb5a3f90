namespace Emulator.Policy;

/// <summary>
/// A resource pattern (or ARN condition value) split into ARN segments when the policy is written.
/// </summary>
/// <remarks>
/// AWS splits pattern and ARN on <c>:</c> into at most six parts (arn, partition, service, region,
/// account, resource). A wildcard in the first five never crosses a <c>:</c>; the resource part may contain
/// colons. A pattern with fewer parts lets its last part absorb the rest of the ARN, which is how
/// <c>*</c> and <c>arn:aws:iam::*</c> match everything below them. Matching is case-sensitive.
/// </remarks>
internal sealed class ArnPattern
{
    private const int ArnSegmentCount = 6;

    /// <summary>
    /// The leading segments without wildcards, each with its colon (<c>arn:aws:iam::111122223333:</c>): a literal
    /// segment holds no colon, so comparing them at once is the same as comparing them one by one.
    /// </summary>
    private readonly string _literalPrefix;

    /// <summary>The leading segments from the first one with a wildcard on.</summary>
    private readonly GlobPattern[] _leadingSegments;

    private readonly GlobPattern _lastSegment;
    private readonly PolicyTemplate? _lastSegmentTemplate;

    private ArnPattern(string text, string literalPrefix, GlobPattern[] leadingSegments, GlobPattern lastSegment, PolicyTemplate? lastSegmentTemplate)
    {
        Text = text;
        _literalPrefix = literalPrefix;
        _leadingSegments = leadingSegments;
        _lastSegment = lastSegment;
        _lastSegmentTemplate = lastSegmentTemplate;
    }

    public string Text { get; }

    public static ArnPattern Create(string text, bool variablesEnabled)
    {
        var leading = new List<GlobPattern>(ArnSegmentCount - 1);
        var literalPrefixLength = 0;
        var segmentCount = 0;
        var start = 0;
        while (segmentCount < ArnSegmentCount - 1)
        {
            var colon = text.IndexOf(':', start);
            if (colon < 0)
            {
                break;
            }

            var segment = GlobPattern.CaseSensitive(text[start..colon]);
            if (segment.IsLiteral && leading.Count == 0)
            {
                literalPrefixLength = colon + 1;
            }
            else
            {
                leading.Add(segment);
            }

            segmentCount++;
            start = colon + 1;
        }

        var last = text[start..];

        // Variables are substituted only in the resource part, after the fifth colon.
        var template = variablesEnabled && segmentCount == ArnSegmentCount - 1 ? PolicyTemplate.TryCreate(last) : null;
        return new ArnPattern(text, text[..literalPrefixLength], [.. leading], GlobPattern.CaseSensitive(last), template);
    }

    public bool Matches(ReadOnlySpan<char> value, RequestContext context, ref MissingContextKeys missing)
    {
        if (!value.StartsWith(_literalPrefix))
        {
            return false;
        }

        var rest = value[_literalPrefix.Length..];
        foreach (var segment in _leadingSegments)
        {
            var colon = rest.IndexOf(':');
            if (colon < 0 || !segment.Matches(rest[..colon]))
            {
                return false;
            }

            rest = rest[(colon + 1)..];
        }

        return _lastSegmentTemplate is null
            ? _lastSegment.Matches(rest)
            : _lastSegmentTemplate.MatchesGlob(rest, context, ref missing);
    }

    public override string ToString() => Text;
}
