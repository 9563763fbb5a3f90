using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Emulator.Core.Audit;

namespace Emulator.Server.Audit;

/// <summary>
/// A successful answer's members as CloudTrail's responseElements: the query protocol's <c>XResult</c> (or EC2's
/// response members) turned into JSON with camelCase names, <c>member</c>/<c>item</c> lists as arrays, and every
/// secret member (SecretAccessKey, SessionToken…) left out. Null when the answer has no members (DeleteRole).
/// </summary>
public static class ResponseElementsJson
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, CloseInput = false, XmlResolver = null };

    public static JsonElement? From(Stream response)
    {
        response.Position = 0;
        XElement root;
        using (var reader = XmlReader.Create(response, Settings))
        {
            root = XElement.Load(reader);
        }

        var container = root.Elements().FirstOrDefault(e => e.Name.LocalName.EndsWith("Result", StringComparison.Ordinal)) ?? root;
        var members = container.Elements().Where(e => e.Name.LocalName is not ("ResponseMetadata" or "requestId")).ToList();
        if (members.Count == 0)
        {
            return null;
        }

        return JsonElements.Write(json => WriteObject(json, members));
    }

    private static void WriteObject(Utf8JsonWriter json, IReadOnlyList<XElement> members)
    {
        json.WriteStartObject();
        foreach (var group in members.Where(e => !SecretNames.IsOmitted(e.Name.LocalName)).GroupBy(e => e.Name.LocalName))
        {
            json.WritePropertyName(RequestParametersJson.CamelCase(group.Key));
            if (group.Count() == 1)
            {
                WriteValue(json, group.First());
            }
            else
            {
                json.WriteStartArray();
                foreach (var element in group)
                {
                    WriteValue(json, element);
                }

                json.WriteEndArray();
            }
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, XElement element)
    {
        var children = element.Elements().ToList();
        if (SecretNames.IsMasked(element.Name.LocalName))
        {
            json.WriteStringValue(SecretNames.MaskedValue);
        }
        else if (children.Count == 0)
        {
            json.WriteStringValue(element.Value);
        }
        else if (children.All(c => c.Name.LocalName is "member" or "item"))
        {
            json.WriteStartArray();
            foreach (var child in children)
            {
                WriteValue(json, child);
            }

            json.WriteEndArray();
        }
        else
        {
            WriteObject(json, children);
        }
    }
}
