using System.Text.Json;
using Emulator.Core.Audit;
using Emulator.Server.Protocol;

namespace Emulator.Server.Audit;

/// <summary>
/// The decoded query parameters as CloudTrail's requestParameters: camelCase names, flattened lists
/// (<c>Tags.member.1.Key</c>, EC2's <c>InstanceId.1</c>, <c>Filter.1.Value.1</c>) as arrays, nested fields as objects.
/// The protocol's own parameters (Action, Version, the presigned X-Amz-* ones) and secrets are left out.
/// </summary>
public static class RequestParametersJson
{
    private static readonly HashSet<string> ProtocolParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "Action", "Version", "AWSAccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "Timestamp", "SecurityToken", "Expires",
    };

    /// <summary>The parameters as a JSON object, or null when there are none to record.</summary>
    public static JsonElement? From(QueryParameters? parameters)
    {
        if (parameters is null)
        {
            return null;
        }

        var root = new Node();
        foreach (var (name, value) in parameters.All)
        {
            if (!ProtocolParameters.Contains(name) && !name.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase))
            {
                Add(root, name, value);
            }
        }

        if (root.Members is null)
        {
            return null;
        }

        return JsonElements.Write(json => Write(json, root));
    }

    /// <summary>The values of secret parameters, which must not appear in an error message the trail keeps either.</summary>
    public static IEnumerable<string> SecretValues(QueryParameters? parameters) =>
        parameters is null
            ? []
            : parameters.All.Where(p => p.Key.Split('.').Any(SecretNames.IsOmitted) || p.Key.StartsWith("X-Amz-Security-Token", StringComparison.OrdinalIgnoreCase))
                .Select(p => p.Value);

    private static void Add(Node root, string name, string value)
    {
        var segments = name.Split('.');
        if (segments.Any(SecretNames.IsOmitted))
        {
            return;
        }

        var node = root;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            // The query protocol's list marker says nothing CloudTrail keeps: Tags.member.1 is the first of tags.
            if (segment is "member" or "item" && i + 1 < segments.Length && IsIndex(segments[i + 1]))
            {
                continue;
            }

            node = IsIndex(segment) ? node.Item(int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)) : node.Member(CamelCase(segment));
        }

        node.Value = segments.Any(SecretNames.IsMasked) ? SecretNames.MaskedValue : value;
    }

    private static bool IsIndex(string segment) =>
        segment.Length is > 0 and <= 9 && segment[0] != '0' && !segment.AsSpan().ContainsAnyExceptInRange('0', '9');

    public static string CamelCase(string name) =>
        name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static void Write(Utf8JsonWriter json, Node node)
    {
        if (node.Items is { } items)
        {
            json.WriteStartArray();
            foreach (var item in items.Values)
            {
                Write(json, item);
            }

            json.WriteEndArray();
        }
        else if (node.Members is { } members)
        {
            json.WriteStartObject();
            foreach (var (name, member) in members)
            {
                json.WritePropertyName(name);
                Write(json, member);
            }

            json.WriteEndObject();
        }
        else
        {
            json.WriteStringValue(node.Value);
        }
    }

    /// <summary>One level of the parameter tree: a value, named members, or indexed items.</summary>
    private sealed class Node
    {
        public string? Value { get; set; }

        public Dictionary<string, Node>? Members { get; private set; }

        public SortedDictionary<int, Node>? Items { get; private set; }

        public Node Member(string name)
        {
            Members ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!Members.TryGetValue(name, out var node))
            {
                Members[name] = node = new Node();
            }

            return node;
        }

        public Node Item(int index)
        {
            Items ??= new SortedDictionary<int, Node>();
            if (!Items.TryGetValue(index, out var node))
            {
                Items[index] = node = new Node();
            }

            return node;
        }
    }
}
