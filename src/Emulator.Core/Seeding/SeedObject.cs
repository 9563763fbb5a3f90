using System.Text.Json;

namespace Emulator.Core.Seeding;

/// <summary>
/// A JSON object of the seed file read with its location kept, so every error names its field,
/// and with unknown fields refused rather than silently ignored.
/// </summary>
internal sealed class SeedObject
{
    private readonly JsonElement element;
    private readonly HashSet<string> allowed;

    public SeedObject(JsonElement element, string location, params string[] allowedFields)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new SeedException($"{location}: expected a JSON object.");
        }

        this.element = element;
        Location = location;
        allowed = new HashSet<string>(allowedFields, StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                throw new SeedException($"{Field(property.Name)}: unknown field (expected one of {string.Join(", ", allowedFields)}).");
            }
        }
    }

    public string Location { get; }

    public string Field(string name) => Location.Length == 0 ? name : $"{Location}.{name}";

    public string? String(string name, bool required = false)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new SeedException($"{Field(name)}: required field is missing.") : null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new SeedException($"{Field(name)}: expected a string.");
    }

    public int? Int(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new SeedException($"{Field(name)}: expected an integer.");
    }

    /// <summary>A policy document given either as a JSON string or as an inline JSON object.</summary>
    public string? PolicyDocument(string name, bool required = false)
    {
        if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            return value.GetRawText();
        }

        return String(name, required);
    }

    public IEnumerable<(JsonElement Element, string Location)> Array(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            yield break;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new SeedException($"{Field(name)}: expected an array.");
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            yield return (item, $"{Field(name)}[{index++}]");
        }
    }

    /// <summary>An object whose values are all strings, as name/value pairs in document order (empty when absent).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> StringMap(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new SeedException($"{Field(name)}: expected an object of strings.");
        }

        return value.EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.String
            ? KeyValuePair.Create(p.Name, p.Value.GetString()!)
            : throw new SeedException($"{Field(name)}.{p.Name}: expected a string.")).ToList();
    }

    public IReadOnlyList<string> Strings(string name) =>
        Array(name).Select(item => item.Element.ValueKind == JsonValueKind.String
            ? item.Element.GetString()!
            : throw new SeedException($"{item.Location}: expected a string.")).ToList();

    /// <summary>A nested object, or null when absent; its fields are checked against <paramref name="allowedFields"/>.</summary>
    public SeedObject? Child(string name, params string[] allowedFields) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new SeedObject(value, Field(name), allowedFields)
            : null;
}
