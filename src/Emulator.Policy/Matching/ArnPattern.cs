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

    private readonly GlobPattern[] _leadingSegments;
    private readonly GlobPattern _lastSegment;
    private readonly PolicyTemplate? _lastSegmentTemplate;

    private ArnPattern(string text, GlobPattern[] leadingSegments, GlobPattern lastSegment, PolicyTemplate? lastSegmentTemplate)
    {
        Text = text;
        _leadingSegments = leadingSegments;
        _lastSegment = lastSegment;
        _lastSegmentTemplate = lastSegmentTemplate;
    }

    public string Text { get; }

    public static ArnPattern Create(string text, bool variablesEnabled)
    {
        var leading = new List<GlobPattern>(ArnSegmentCount - 1);
        var start = 0;
        while (leading.Count < ArnSegmentCount - 1)
        {
            var colon = text.IndexOf(':', start);
            if (colon < 0)
            {
                break;
            }

            leading.Add(GlobPattern.CaseSensitive(text[start..colon]));
            start = colon + 1;
        }

        var last = text[start..];

        // Variables are substituted only in the resource part, after the fifth colon.
        var template = variablesEnabled && leading.Count == ArnSegmentCount - 1 ? PolicyTemplate.TryCreate(last) : null;
        return new ArnPattern(text, [.. leading], GlobPattern.CaseSensitive(last), template);
    }

    public bool Matches(ReadOnlySpan<char> value, RequestContext context, ref MissingContextKeys missing)
    {
        var rest = value;
        foreach (var segment in _leadingSegments)
        {
            var colon = rest.IndexOf(':');
            if (colon < 0 || !segment.Matches(rest[..colon]))
            {
                return false;
            }

            rest = rest[(colon + 1)..];
        }

        if (_lastSegmentTemplate is null)
        {
            return _lastSegment.Matches(rest);
        }

        var length = _lastSegmentTemplate.MeasureResolved(context, ref missing);
        if (length < 0)
        {
            // An unresolvable variable without a default makes the entry match nothing.
            return false;
        }

        using var buffer = new TemplateBuffer(stackalloc char[256], stackalloc GlobUnitKind[256], length);
        _lastSegmentTemplate.WriteResolved(context, buffer.Characters, buffer.Kinds);
        return GlobMatcher.Matches(buffer.Characters, buffer.Kinds, rest, ignoreCase: false);
    }

    public override string ToString() => Text;
}
