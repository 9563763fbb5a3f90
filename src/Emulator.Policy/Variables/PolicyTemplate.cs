namespace Emulator.Policy;

/// <summary>
/// A policy value with <c>${…}</c> variables, tokenised when the policy is written so that evaluation only
/// looks the keys up and copies text into a stack buffer.
/// </summary>
/// <remarks>
/// AWS substitutes variables only in policies whose <c>Version</c> is <c>2012-10-17</c>; the compiler
/// creates templates only for those. A substituted value is literal text: a <c>*</c> inside a tag value is
/// not a wildcard.
/// </remarks>
internal sealed class PolicyTemplate
{
    private readonly TemplatePart[] _parts;

    private PolicyTemplate(TemplatePart[] parts)
    {
        _parts = parts;
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
    /// Length of the substituted text, or -1 when a variable has neither a value nor a default
    /// (its key is then recorded as missing).
    /// </summary>
    public int MeasureResolved(RequestContext context, ref MissingContextKeys missing)
    {
        var length = 0;
        foreach (var part in _parts)
        {
            if (part.Kind != TemplatePartKind.Variable)
            {
                length += part.Text.Length;
                continue;
            }

            var value = Resolve(context, part);
            if (value is null)
            {
                missing.Add(part.Text);
                return -1;
            }

            length += value.Length;
        }

        return length;
    }

    /// <summary>Writes the substituted text; call after <see cref="MeasureResolved"/> returned the buffer length.</summary>
    public void WriteResolved(RequestContext context, Span<char> characters, Span<GlobUnitKind> kinds)
    {
        var position = 0;
        foreach (var part in _parts)
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
                    var value = Resolve(context, part) ?? string.Empty;
                    value.AsSpan().CopyTo(characters[position..]);
                    kinds.Slice(position, value.Length).Fill(GlobUnitKind.Literal);
                    position += value.Length;
                    break;
            }
        }
    }

    private static string? Resolve(RequestContext context, TemplatePart part)
    {
        // Only single-valued keys can be substituted (a multi-valued key has no one value to insert).
        if (context.TryGetValue(part.Text, out var value) && !value.IsMultiValued && value.Count == 1)
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
