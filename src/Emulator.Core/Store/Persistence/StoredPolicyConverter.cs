using System.Text.Json;
using System.Text.Json.Serialization;
using Emulator.Core.Iam.Policies;
using Emulator.Policy;

namespace Emulator.Core.Store.Persistence;

/// <summary>
/// A policy is stored as the text IAM returns and the grammar it was accepted under; loading compiles
/// it again (the compiled form is never stored, so a newer evaluator reads an older database).
/// </summary>
public sealed class StoredPolicyConverter : JsonConverter<StoredPolicy>
{
    public override StoredPolicy Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = null;
        PolicyKind? kind = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a stored policy is an object with Kind and Text.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "Text":
                    text = reader.GetString();
                    break;
                case "Kind":
                    kind = Enum.TryParse<PolicyKind>(reader.GetString(), out var parsed) ? parsed : throw new JsonException($"unknown policy kind {reader.GetString()}.");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (text is null || kind is null)
        {
            throw new JsonException("a stored policy needs Kind and Text.");
        }

        var result = PolicyParser.Parse(text, kind.Value);
        return result.Document is { } document
            ? new StoredPolicy(text, document)
            : throw new JsonException($"a stored {kind} policy no longer parses: {result.Error}");
    }

    public override void Write(Utf8JsonWriter writer, StoredPolicy value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("Kind", value.Document.Kind.ToString());
        writer.WriteString("Text", value.Text);
        writer.WriteEndObject();
    }
}
