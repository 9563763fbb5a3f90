using System.Globalization;
using System.Text;
using Emulator.Core.Errors;
using Emulator.Core.Iam.Tags;
using Microsoft.AspNetCore.WebUtilities;

namespace Emulator.Server.Protocol;

/// <summary>
/// The parameters of an AWS query-protocol request (query string and form body), decoded once by
/// the framework's form decoder. The same decoded query pairs feed the SigV4 canonical query string
/// (<see cref="QueryPairs"/>), so what is verified is exactly what is executed. A name given twice
/// (in the query, the body, or both) is refused rather than resolved by a "last wins" rule a
/// signature cannot see. Indexed lists (<c>Tags.member.N.Key</c>, EC2's <c>Filter.N.Value.M</c>)
/// are grouped in one pass over the names, so reading them is linear in the request size.
/// </summary>
public sealed class QueryParameters
{
    private readonly Dictionary<string, string> values;
    private Dictionary<string, SortedDictionary<int, string>>? indexed;

    private QueryParameters(Dictionary<string, string> values, IReadOnlyList<KeyValuePair<string, string>> queryPairs)
    {
        this.values = values;
        QueryPairs = queryPairs;
    }

    public static QueryParameters Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), []);

    public int Count => values.Count;

    /// <summary>The query string's pairs, decoded, in the order sent (duplicates kept, for the signature).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> QueryPairs { get; }

    /// <summary>Decodes a raw query string and an optional form body (both <c>application/x-www-form-urlencoded</c>).</summary>
    public static QueryParameters Parse(string rawQuery, string form = "")
    {
        var queryPairs = DecodePairs(rawQuery);
        var result = new Dictionary<string, string>(queryPairs.Count, StringComparer.Ordinal);
        foreach (var (key, value) in queryPairs)
        {
            Add(result, key, value);
        }

        foreach (var (key, value) in DecodePairs(form))
        {
            Add(result, key, value);
        }

        return new QueryParameters(result, queryPairs);
    }

    /// <summary>
    /// The one decoder: splits on <c>&amp;</c> and the first <c>=</c>, turns <c>+</c> into a space and
    /// percent-decodes UTF-8 (escapes that do not spell UTF-8 are MalformedQueryString). Empty pairs are skipped.
    /// </summary>
    public static List<KeyValuePair<string, string>> DecodePairs(string raw)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var pair in new QueryStringEnumerable(raw))
        {
            pairs.Add(new(Decode(pair.EncodedName), Decode(pair.EncodedValue)));
        }

        return pairs;
    }

    /// <summary>
    /// The framework's decoding, after checking that the escapes spell UTF-8: the framework would keep
    /// an invalid sequence as literal text, so a name like <c>%E9</c> would pass as an unknown parameter.
    /// </summary>
    private static string Decode(ReadOnlyMemory<char> encoded)
    {
        var span = encoded.Span;
        if (span.Contains('%') && !EscapesAreUtf8(span))
        {
            throw new AwsError("MalformedQueryString", "The request's percent-encoded text is not valid UTF-8.", 400).ToException();
        }

        // As the framework's form reader decodes: '+' is a space, then RFC 3986 unescaping.
        return span.Contains('+') ? Uri.UnescapeDataString(span.ToString().Replace('+', ' ')) : Uri.UnescapeDataString(span);
    }

    private static bool EscapesAreUtf8(ReadOnlySpan<char> encoded)
    {
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(encoded.Length)];
        var count = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length && char.IsAsciiHexDigit(encoded[i + 1]) && char.IsAsciiHexDigit(encoded[i + 2]))
            {
                bytes[count++] = (byte)((HexValue(encoded[i + 1]) << 4) | HexValue(encoded[i + 2]));
                i += 2;
            }
            else
            {
                count += Encoding.UTF8.GetBytes(encoded.Slice(i, char.IsHighSurrogate(encoded[i]) && i + 1 < encoded.Length ? 2 : 1), bytes.AsSpan(count));
                i += char.IsHighSurrogate(encoded[i]) && i + 1 < encoded.Length ? 1 : 0;
            }
        }

        return System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(0, count));
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    public string? this[string name] => values.GetValueOrDefault(name);

    /// <summary>Every parameter (query and body), for the audit trail's requestParameters.</summary>
    public IEnumerable<KeyValuePair<string, string>> All => values;

    public bool Contains(string name) => values.ContainsKey(name);

    public int? Int(string name, string member)
    {
        var text = this[name];
        if (text is null)
        {
            return null;
        }

        return TryParseInt(text, out var value)
            ? value
            : throw new AwsError("ValidationError", $"1 validation error detected: Value '{text}' at '{member}' failed to satisfy constraint: Member must be a number", 400).ToException();
    }

    /// <summary>An optional sign and decimal digits only: .NET's parser would also accept trailing NUL characters.</summary>
    public static bool TryParseInt(string text, out int value)
    {
        var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
        value = 0;
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9')
            && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public bool? Bool(string name)
    {
        var text = this[name];
        if (text is null)
        {
            return null;
        }

        return text.ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw new AwsError("ValidationError",
                $"1 validation error detected: Value '{text}' at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must be a boolean", 400).ToException(),
        };
    }

    /// <summary>A list member: <c>Name.member.1</c>, <c>Name.member.2</c>, … in index order.</summary>
    public IReadOnlyList<string> List(string name) => Indexed(name + ".member", "");

    /// <summary>A list of structures: the sub-member values of <c>Name.member.N.Field</c>, in index order.</summary>
    public IReadOnlyList<Func<string, string?>> Structures(string name) =>
        Members(name + ".member").Select(prefix => (Func<string, string?>)(field => values.GetValueOrDefault(prefix + field))).ToList();

    public IReadOnlyList<Tag> Tags(string name = "Tags") =>
        Structures(name).Select(s => new Tag(s("Key") ?? "", s("Value") ?? "")).ToList();

    /// <summary>
    /// Values of <c>Prefix.N</c> followed by <paramref name="suffix"/> (<c>""</c>, or <c>.Field</c>), in
    /// index order: <c>Indexed("InstanceId", "")</c> reads EC2's <c>InstanceId.1</c>, <c>InstanceId.2</c>….
    /// </summary>
    public IReadOnlyList<string> Indexed(string prefix, string suffix)
    {
        var result = new List<string>();
        foreach (var memberPrefix in Members(prefix))
        {
            if (values.TryGetValue(memberPrefix[..^1] + suffix, out var value))
            {
                result.Add(value);
            }
        }

        return result;
    }

    /// <summary>
    /// The members of the indexed list <paramref name="prefix"/>, each as the name prefix of its fields
    /// (<c>Tags.member.3.</c>), in index order. Gaps are allowed; indexes are positive decimal integers.
    /// </summary>
    public IReadOnlyList<string> Members(string prefix)
    {
        indexed ??= GroupIndexed();
        return indexed.TryGetValue(prefix, out var members) ? members.Values.ToList() : [];
    }

    /// <summary>
    /// One pass over every name: each numeric segment (<c>.N.</c> or a final <c>.N</c>) makes the name a
    /// member of the list named by everything before it, so nested lists are grouped too.
    /// </summary>
    private Dictionary<string, SortedDictionary<int, string>> GroupIndexed()
    {
        var groups = new Dictionary<string, SortedDictionary<int, string>>(StringComparer.Ordinal);
        foreach (var name in values.Keys)
        {
            var start = 0;
            while ((start = name.IndexOf('.', start)) >= 0)
            {
                var end = start + 1;
                while (end < name.Length && char.IsAsciiDigit(name[end]))
                {
                    end++;
                }

                var digits = end - start - 1;
                if (digits > 9 && (end == name.Length || name[end] == '.'))
                {
                    throw new AwsError("MalformedQueryString", $"The list index in {name} is out of range.", 400).ToException();
                }

                if (digits is > 0 and <= 9 && name[start + 1] != '0' && (end == name.Length || name[end] == '.'))
                {
                    var index = int.Parse(name.AsSpan(start + 1, digits), NumberStyles.None, CultureInfo.InvariantCulture);
                    var list = name[..start];
                    if (!groups.TryGetValue(list, out var members))
                    {
                        groups[list] = members = new SortedDictionary<int, string>();
                    }

                    members.TryAdd(index, name[..end] + ".");
                }

                start = end;
            }
        }

        return groups;
    }

    private static void Add(Dictionary<string, string> target, string key, string value)
    {
        if (!target.TryAdd(key, value))
        {
            throw new AwsError("MalformedQueryString", $"The parameter {key} is given more than once.", 400).ToException();
        }
    }
}
