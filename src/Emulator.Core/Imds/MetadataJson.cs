using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Emulator.Core.Imds;

/// <summary>
/// JSON as IMDS prints it: pretty-printed with <c>"Key" : value</c> (a space before the colon), keys in
/// AWS's order. Values are strings, null or raw JSON fragments.
/// </summary>
public static class MetadataJson
{
    public static string Pretty(IEnumerable<(string Key, string? Value)> fields) => Pretty(fields.Select(f => (f.Key, Quote(f.Value))));

    public static string Pretty(IEnumerable<(string Key, JsonFragment Value)> fields)
    {
        var text = new StringBuilder("{\n");
        var first = true;
        foreach (var (key, value) in fields)
        {
            text.Append(first ? "" : ",\n").Append("  ").Append(Quote(key).Raw).Append(" : ").Append(value.Raw);
            first = false;
        }

        return text.Append("\n}").ToString();
    }

    /// <summary>A compact object of string members (<c>tag-sets/instance</c>: <c>{"Key":"Value"}</c>).</summary>
    public static string Compact(IEnumerable<(string Key, string Value)> fields) =>
        "{" + string.Join(',', fields.Select(f => Quote(f.Key).Raw + ":" + Quote(f.Value).Raw)) + "}";

    /// <summary>A JSON string (or null), escaped without HTML-safe escapes so secret keys keep their '+' and '/'.</summary>
    public static JsonFragment Quote(string? value) =>
        new(value is null ? "null" : "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value + "\"");

    /// <summary>Timestamps as AWS prints them and botocore parses them: whole seconds and a literal Z.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
