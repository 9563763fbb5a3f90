using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Core.Iam.Policies;
using Emulator.Core.Store.Tracking;

namespace Emulator.Core.Store.Persistence;

/// <summary>
/// The whole state as one JSON document — the rows a durable store keeps, with their documents inline —
/// for export, import and use as a seed file. Secrets (access keys' secret keys) are left out unless
/// asked for, and a document without them cannot be imported: keys without secrets would be keys no
/// client can sign with.
/// </summary>
public static class StateDocument
{
    public const string Format = "aws-identity-emulator-state";

    public const int Version = 1;

    /// <summary>Properties holding secrets, by row kind.</summary>
    private static readonly Dictionary<string, string[]> SecretProperties = new(StringComparer.Ordinal)
    {
        ["access-key"] = ["SecretAccessKey"],
        ["login-profile"] = ["PasswordHash", "PreviousPasswordHashes"],
        ["mfa-device"] = ["Base32StringSeed"],
        ["server-certificate"] = ["PrivateKey"],
        ["service-specific-credential"] = ["SecretHash"],
    };

    public static string Export(EmulatorState state, bool includeSecrets, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteNumber("version", Version);
            writer.WriteString("exportedAt", now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteBoolean("secretsIncluded", includeSecrets);
            writer.WriteStartArray("rows");
            foreach (var row in state.Rows())
            {
                writer.WriteStartObject();
                writer.WriteString("kind", row.Kind);
                writer.WriteString("scope", row.Scope);
                writer.WriteString("name", row.Key);
                writer.WritePropertyName("document");
                var document = JsonNode.Parse(row.Document!)!.AsObject();
                if (!includeSecrets && SecretProperties.TryGetValue(row.Kind, out var secrets))
                {
                    foreach (var property in secrets)
                    {
                        document.Remove(property);
                    }
                }

                document.WriteTo(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Whether a seed file is an exported state rather than a hand-written seed.</summary>
    public static bool IsStateDocument(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String && format.GetString() == Format;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The state a document describes.</summary>
    /// <exception cref="InvalidDataException">The document is not an importable state document; the message says where.</exception>
    public static EmulatorState Import(string json, AwsManagedPolicyCatalog awsManagedPolicies)
    {
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the state document is not JSON: {e.Message}");
        }

        using (parsed)
        {
            var root = parsed.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != Format)
            {
                throw new InvalidDataException($"the document's \"format\" must be \"{Format}\".");
            }

            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != Version)
            {
                throw new InvalidDataException($"the document's \"version\" must be {Version}.");
            }

            if (!root.TryGetProperty("secretsIncluded", out var secrets) || secrets.ValueKind != JsonValueKind.True)
            {
                throw new InvalidDataException("the document was exported without secrets (GET /_emulator/state?secrets=true includes them); access keys without their secrets cannot be imported.");
            }

            if (!root.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("the document has no \"rows\" array.");
            }

            var state = new EmulatorState(awsManagedPolicies);
            var list = new List<(StateRow Row, int Index)>();
            var index = 0;
            foreach (var row in rows.EnumerateArray())
            {
                list.Add((Row(row, index), index));
                index++;
            }

            // Accounts first, as a store loads them: the rows inside an account need it.
            foreach (var (row, at) in list.OrderBy(r => r.Row.Kind == "account" ? 0 : 1))
            {
                var table = state.Table(row.Kind, row.Scope)
                    ?? throw new InvalidDataException($"rows[{at}]: no table holds kind '{row.Kind}' in scope '{row.Scope}' (unknown kind, or an account without its account row).");
                try
                {
                    table.Load(row.Key, row.Document);
                }
                catch (JsonException e)
                {
                    throw new InvalidDataException($"rows[{at}] ({row.Kind} '{row.Key}'): {e.Message}");
                }
            }

            return state;
        }
    }

    private static StateRow Row(JsonElement row, int index)
    {
        string Text(string name) =>
            row.ValueKind == JsonValueKind.Object && row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw new InvalidDataException($"rows[{index}]: \"{name}\" must be a string.");

        var kind = Text("kind");
        var scope = Text("scope");
        var name = Text("name");
        if (!row.TryGetProperty("document", out var document) || document.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"rows[{index}]: \"document\" must be an object.");
        }

        return new StateRow(kind, scope, name, document.GetRawText());
    }
}
