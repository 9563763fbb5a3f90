using System.Globalization;
using System.Text;
using Emulator.Core.Errors;
using Emulator.Core.Iam.Tags;

namespace Emulator.Server.Protocol;

/// <summary>
/// The parameters of an AWS query-protocol request (form body and query string), with the
/// protocol's list and map conventions (<c>Tags.member.1.Key</c>, <c>TagKeys.member.1</c>).
/// </summary>
public sealed class QueryParameters
{
    private readonly Dictionary<string, string> values;

    private QueryParameters(Dictionary<string, string> values) => this.values = values;

    public static QueryParameters Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    public int Count => values.Count;

    /// <summary>Parses <c>application/x-www-form-urlencoded</c> text; later values win, as AWS does.</summary>
    public static QueryParameters Parse(params string[] encodedParts)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in encodedParts)
        {
            foreach (var pair in part.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var key = Decode(equals < 0 ? pair : pair[..equals]);
                var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
                result[key] = value;
            }
        }

        return new QueryParameters(result);
    }

    public static string Decode(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                bytes.Add(byte.Parse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
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

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new AwsError("ValidationError", $"1 validation error detected: Value '{text}' at '{member}' failed to satisfy constraint: Member must be a number", 400).ToException();
    }

    public bool? Bool(string name)
    {
        var text = this[name];
        return text is null ? null : string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A list member: <c>Name.member.1</c>, <c>Name.member.2</c>, … in order.</summary>
    public IReadOnlyList<string> List(string name)
    {
        var result = new List<string>();
        for (var i = 1; values.TryGetValue($"{name}.member.{i}", out var item); i++)
        {
            result.Add(item);
        }

        return result;
    }

    /// <summary>A list of structures: the sub-member values of <c>Name.member.N.Field</c>.</summary>
    public IReadOnlyList<Func<string, string?>> Structures(string name)
    {
        var result = new List<Func<string, string?>>();
        for (var i = 1; values.Keys.Any(k => k.StartsWith($"{name}.member.{i}.", StringComparison.Ordinal)); i++)
        {
            var prefix = $"{name}.member.{i}.";
            result.Add(field => values.GetValueOrDefault(prefix + field));
        }

        return result;
    }

    public IReadOnlyList<Tag> Tags(string name = "Tags") =>
        Structures(name).Select(s => new Tag(s("Key") ?? "", s("Value") ?? "")).ToList();

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
