using System.Text.Json;

namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>Short reads of the JSON clients print: <c>json.At("Role", "Arn").GetString()</c>.</summary>
public static class JsonElementExtensions
{
    public static JsonElement At(this JsonElement element, params object[] path)
    {
        var current = element;
        foreach (var step in path)
        {
            current = step switch
            {
                string name when current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out var child) => child,
                int index when current.ValueKind == JsonValueKind.Array && index < current.GetArrayLength() => current[index],
                _ => throw new KeyNotFoundException($"No '{step}' in {Abbreviate(current.GetRawText())} (path {string.Join('.', path)})."),
            };
        }

        return current;
    }

    public static string Text(this JsonElement element, params object[] path) =>
        element.At(path).GetString() ?? throw new InvalidOperationException($"{string.Join('.', path)} is null.");

    public static bool Has(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out _);

    public static IReadOnlyList<JsonElement> Items(this JsonElement element, params object[] path) =>
        element.At(path).EnumerateArray().ToList();

    /// <summary>Whether two JSON values are equal as JSON (property order and whitespace ignored).</summary>
    public static bool SameJsonAs(this JsonElement element, string json)
    {
        using var other = JsonDocument.Parse(json);
        return JsonElement.DeepEquals(element, other.RootElement);
    }

    /// <summary>Asserts JSON equality, showing both documents when they differ.</summary>
    public static void ShouldBeJson(this JsonElement actual, string expectedJson) =>
        actual.SameJsonAs(expectedJson).Should().BeTrue("the document should equal {0} as JSON, but it is {1}", expectedJson, actual.GetRawText());

    private static string Abbreviate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
