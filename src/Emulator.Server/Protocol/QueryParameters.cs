using System.Globalization;
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

        if (form.Length > 0)
        {
            foreach (var pair in new QueryStringEnumerable(form))
            {
                Add(result, pair.DecodeName().ToString(), pair.DecodeValue().ToString());
            }
        }

        return new QueryParameters(result, queryPairs);
    }

    /// <summary>
    /// The one decoder: splits on <c>&amp;</c> and the first <c>=</c>, turns <c>+</c> into a space and
    /// percent-decodes UTF-8 (an escape that is not valid UTF-8 stays as written). Empty pairs are skipped.
    /// </summary>
    public static List<KeyValuePair<string, string>> DecodePairs(string raw)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var pair in new QueryStringEnumerable(raw))
        {
            pairs.Add(new(pair.DecodeName().ToString(), pair.DecodeValue().ToString()));
        }

        return pairs;
    }

    public string? this[string name] => values.GetValueOrDefault(name);

    public bool Contains(string name) => values.ContainsKey(name);

    public int? Int(string name, string member)
    {
        var text = this[name];
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new AwsError("ValidationError", $"1 validation error detected: Value '{text}' at '{member}' failed to satisfy constraint: Member must be a number", 400).ToException();
    }

    public bool? Bool(string name)
    {
        var text = this[name];
        return text is null ? null : string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
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
