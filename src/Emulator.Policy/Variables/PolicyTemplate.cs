namespace Emulator.Policy;

/// <summary>
/// A policy value with <c>${…}</c> variables, tokenised when the policy is written so that evaluation only
/// looks each key up once and compares the pieces with the input in place; only a glob with wildcards (or a
/// case-insensitive comparison) writes the substituted text out, into a stack buffer.
/// </summary>
/// <remarks>
/// AWS substitutes variables only in policies whose <c>Version</c> is <c>2012-10-17</c>; the compiler
/// creates templates only for those. A substituted value is literal text: a <c>*</c> inside a tag value is
/// not a wildcard.
/// </remarks>
internal sealed class PolicyTemplate
{
    private readonly TemplatePart[] _parts;

    /// <summary>A text part holds <c>*</c> or <c>?</c>: as a glob the template is then more than a string to compare.</summary>
    private readonly bool _hasWildcards;

    /// <summary>
    /// Text every substitution starts with, up to the first wildcard: a glob whose input does not start with it
    /// cannot match, which rejects most resources without building the substituted pattern.
    /// </summary>
    private readonly string _literalStart;

    private PolicyTemplate(TemplatePart[] parts)
    {
        _parts = parts;
        _hasWildcards = Array.Exists(parts, static part => part.Kind == TemplatePartKind.Text && part.Text.AsSpan().ContainsAny('*', '?'));
        _literalStart = string.Empty;
        if (parts[0].Kind == TemplatePartKind.Text)
        {
            var text = parts[0].Text;
            var wildcard = text.AsSpan().IndexOfAny('*', '?');
            _literalStart = wildcard < 0 ? text : text[..wildcard];
        }
    }

    /// <summary>Tokenises <paramref name="text"/>; null when it holds no variable or escape.</summary>
    public static PolicyTemplate? TryCreate(string text)
    {
        var start = text.IndexOf("${", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var parts = new List<TemplatePart>();
        var literalStart = 0;
        var searchFrom = 0;
        var sawVariable = false;
        while ((start = text.IndexOf("${", searchFrom, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf('}', start + 2);
            if (end < 0)
            {
                break;
            }

            var inner = text.AsSpan(start + 2, end - start - 2);
            TemplatePart part;
            if (inner is "*" or "?" or "$")
            {
                part = new TemplatePart(TemplatePartKind.EscapedCharacter, inner.ToString());
            }
            else if (TryParseVariable(inner, out var key, out var defaultValue))
            {
                part = new TemplatePart(TemplatePartKind.Variable, key, defaultValue);
            }
            else
            {
                // Not a variable AWS recognises: the characters stay as they are.
                searchFrom = start + 2;
                continue;
            }

            if (start > literalStart)
            {
                parts.Add(new TemplatePart(TemplatePartKind.Text, text[literalStart..start]));
            }

            parts.Add(part);
            sawVariable = true;
            literalStart = searchFrom = end + 1;
        }

        if (!sawVariable)
        {
            return null;
        }

        if (literalStart < text.Length)
        {
            parts.Add(new TemplatePart(TemplatePartKind.Text, text[literalStart..]));
        }

        return new PolicyTemplate([.. parts]);
    }

    /// <summary>
    /// Does the substituted template, read as a glob (its text's <c>*</c> and <c>?</c> are wildcards, substituted
    /// values and escapes are literal), match <paramref name="input"/>? False when a variable has neither a value
    /// nor a default; its key is then recorded as missing.
    /// </summary>
    public bool MatchesGlob(ReadOnlySpan<char> input, RequestContext context, ref MissingContextKeys missing)
    {
        var storage = default(ResolvedVariables);
        Span<string?> values = storage;
        var length = Resolve(context, values, ref missing);
        if (length < 0)
        {
            return false;
        }

        if (!_hasWildcards)
        {
            return EqualsSubstituted(input, length, context, values);
        }

        return input.StartsWith(_literalStart) && MatchesSubstitutedGlob(input, length, context, values);
    }

    /// <summary>
    /// Does the substituted template equal <paramref name="input"/> under <paramref name="comparison"/>? False when a
    /// variable has neither a value nor a default; its key is then recorded as missing.
    /// </summary>
    public bool MatchesText(ReadOnlySpan<char> input, StringComparison comparison, RequestContext context, ref MissingContextKeys missing)
    {
        var storage = default(ResolvedVariables);
        Span<string?> values = storage;
        var length = Resolve(context, values, ref missing);
        if (length < 0)
        {
            return false;
        }

        return comparison == StringComparison.Ordinal
            ? EqualsSubstituted(input, length, context, values)
            : EqualsSubstitutedWith(comparison, input, length, context, values);
    }

    /// <summary>
    /// Looks every variable up once, keeping the first values in <paramref name="values"/>. Returns the length of the
    /// substituted text, or -1 at the first variable with neither a value nor a default (recorded as missing).
    /// </summary>
    private int Resolve(RequestContext context, Span<string?> values, ref MissingContextKeys missing)
    {
        var length = 0;
        var ordinal = 0;
        foreach (ref readonly var part in _parts.AsSpan())
        {
            if (part.Kind != TemplatePartKind.Variable)
            {
                length += part.Text.Length;
                continue;
            }

            var value = Lookup(context, part);
            if (value is null)
            {
                missing.Add(part.Text);
                return -1;
            }

            if (ordinal < values.Length)
            {
                values[ordinal] = value;
            }

            ordinal++;
            length += value.Length;
        }

        return length;
    }

    /// <summary>Ordinal equality of the substituted text and the input, compared piece by piece in place.</summary>
    private bool EqualsSubstituted(ReadOnlySpan<char> input, int length, RequestContext context, ReadOnlySpan<string?> values)
    {
        if (input.Length != length)
        {
            return false;
        }

        var position = 0;
        var ordinal = 0;
        foreach (ref readonly var part in _parts.AsSpan())
        {
            var piece = part.Kind == TemplatePartKind.Variable ? ValueOf(part, ordinal++, context, values) : part.Text;
            if (!input.Slice(position, piece.Length).SequenceEqual(piece))
            {
                return false;
            }

            position += piece.Length;
        }

        return true;
    }

    // The two comparisons that need the substituted text written out live in their own methods, so the stack
    // buffers they reserve do not weigh on the common paths above (a length or prefix mismatch, an ordinal compare).
    private bool MatchesSubstitutedGlob(ReadOnlySpan<char> input, int length, RequestContext context, ReadOnlySpan<string?> values)
    {
        using var buffer = new TemplateBuffer(
            stackalloc char[Math.Min(length, TemplateBuffer.StackLength)],
            stackalloc GlobUnitKind[Math.Min(length, TemplateBuffer.StackLength)],
            length);
        Write(context, values, buffer.Characters, buffer.Kinds);
        return GlobMatcher.Matches(buffer.Characters, buffer.Kinds, input);
    }

    private bool EqualsSubstitutedWith(StringComparison comparison, ReadOnlySpan<char> input, int length, RequestContext context, ReadOnlySpan<string?> values)
    {
        using var buffer = new TemplateBuffer(
            stackalloc char[Math.Min(length, TemplateBuffer.StackLength)],
            stackalloc GlobUnitKind[Math.Min(length, TemplateBuffer.StackLength)],
            length);
        Write(context, values, buffer.Characters, buffer.Kinds);
        return MemoryExtensions.Equals(buffer.Characters, input, comparison);
    }

    /// <summary>Writes the substituted text and how each character matches; the spans have the resolved length.</summary>
    private void Write(RequestContext context, ReadOnlySpan<string?> values, Span<char> characters, Span<GlobUnitKind> kinds)
    {
        var position = 0;
        var ordinal = 0;
        foreach (ref readonly var part in _parts.AsSpan())
        {
            switch (part.Kind)
            {
                case TemplatePartKind.Text:
                    part.Text.AsSpan().CopyTo(characters[position..]);
                    for (var index = 0; index < part.Text.Length; index++)
                    {
                        kinds[position + index] = GlobMatcher.KindOf(part.Text[index]);
                    }

                    position += part.Text.Length;
                    break;
                case TemplatePartKind.EscapedCharacter:
                    characters[position] = part.Text[0];
                    kinds[position] = GlobUnitKind.Literal;
                    position++;
                    break;
                default:
                    var value = ValueOf(part, ordinal++, context, values);
                    value.AsSpan().CopyTo(characters[position..]);
                    kinds.Slice(position, value.Length).Fill(GlobUnitKind.Literal);
                    position += value.Length;
                    break;
            }
        }
    }

    /// <summary>A variable's value as <see cref="Resolve"/> found it; called only after it succeeded.</summary>
    private static string ValueOf(in TemplatePart part, int ordinal, RequestContext context, ReadOnlySpan<string?> values) =>
        (ordinal < values.Length ? values[ordinal] : Lookup(context, part)) ?? string.Empty;

    private static string? Lookup(RequestContext context, in TemplatePart part)
    {
        // Only single-valued keys can be substituted (a multi-valued key has no one value to insert).
        if (context.TryGetValue(part.Key, out var value) && !value.IsMultiValued && value.Count == 1)
        {
            return value[0];
        }

        return part.DefaultValue;
    }

    private static bool TryParseVariable(ReadOnlySpan<char> inner, out string key, out string? defaultValue)
    {
        key = string.Empty;
        defaultValue = null;
        var comma = inner.IndexOf(',');
        var keySpan = (comma < 0 ? inner : inner[..comma]).Trim();
        if (keySpan.IsEmpty || keySpan.ContainsAny('\'', '$'))
        {
            return false;
        }

        if (comma >= 0)
        {
            // ${aws:PrincipalTag/team, 'company-wide'}: the default is single-quoted.
            var rest = inner[(comma + 1)..].Trim();
            if (rest.Length < 2 || rest[0] != '\'' || rest[^1] != '\'')
            {
                return false;
            }

            defaultValue = rest[1..^1].ToString();
        }

        key = keySpan.ToString();
        return true;
    }
}
