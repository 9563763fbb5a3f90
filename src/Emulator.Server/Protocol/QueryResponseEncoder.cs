using System.Text;
using System.Xml;
using Emulator.Core.Errors;

namespace Emulator.Server.Protocol;

/// <summary>Encodes query-protocol responses (IAM, STS): the success envelope and the ErrorResponse envelope.</summary>
public static class QueryResponseEncoder
{
    /// <summary>Writes the success envelope to <paramref name="buffer"/> (a pooled stream: large list responses allocate nothing).</summary>
    public static void Success(Stream buffer, string action, string xmlNamespace, string requestId, Action<QueryXmlWriter> writeResult)
    {
        using (var writer = XmlWriter.Create(buffer, QueryXmlWriter.Settings))
        {
            writer.WriteStartElement($"{action}Response", xmlNamespace);
            var result = new QueryXmlWriter(writer, $"{action}Result", buffer);
            writeResult(result);
            result.CloseResult();
            writer.WriteStartElement("ResponseMetadata");
            writer.WriteElementString("RequestId", requestId);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }

    /// <summary>
    /// The ErrorResponse envelope. It cannot fail: echoed values are made XML-safe, and should the
    /// writer still throw, a fixed envelope with the request id is returned instead.
    /// </summary>
    public static byte[] Error(AwsError error, string xmlNamespace, string requestId) => SafeEnvelope(writer =>
    {
        writer.WriteStartElement("ErrorResponse", xmlNamespace);
        writer.WriteStartElement("Error");
        writer.WriteElementString("Type", error.IsSenderFault ? "Sender" : "Receiver");
        writer.WriteElementString("Code", XmlSafeText.Make(error.Code));
        if (error.Message.Length > 0)
        {
            // Some AWS errors carry no message at all (GetCredentialReport's ReportNotPresent): botocore then says "Unknown".
            writer.WriteElementString("Message", XmlSafeText.Make(error.Message));
        }
        writer.WriteEndElement();
        writer.WriteElementString("RequestId", XmlSafeText.Make(requestId));
        writer.WriteEndElement();
    }, $"<?xml version=\"1.0\" encoding=\"utf-8\"?><ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>The error could not be encoded.</Message></Error><RequestId>{requestId}</RequestId></ErrorResponse>");

    /// <summary>
    /// An error envelope that cannot fail: echoed values are made XML-safe by the caller, and should the
    /// writer still throw, the fixed <paramref name="fallback"/> (carrying the request id) is returned instead.
    /// </summary>
    public static byte[] SafeEnvelope(Action<XmlWriter> write, string fallback)
    {
        try
        {
            using var buffer = new MemoryStream();
            using (var writer = XmlWriter.Create(buffer, QueryXmlWriter.Settings))
            {
                write(writer);
            }

            return buffer.ToArray();
        }
        catch (Exception e) when (e is XmlException or ArgumentException or InvalidOperationException)
        {
            return Encoding.UTF8.GetBytes(fallback);
        }
    }

    public static string Text(byte[] body) => Encoding.UTF8.GetString(body);
}
