using System.Text;
using System.Xml;
using Emulator.Core.Errors;

namespace Emulator.Server.Protocol;

/// <summary>Encodes query-protocol responses (IAM, STS): the success envelope and the ErrorResponse envelope.</summary>
public static class QueryResponseEncoder
{
    public static byte[] Success(string action, string xmlNamespace, string requestId, Action<QueryXmlWriter> writeResult)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, QueryXmlWriter.Settings))
        {
            writer.WriteStartElement($"{action}Response", xmlNamespace);
            var result = new QueryXmlWriter(writer, $"{action}Result");
            writeResult(result);
            result.CloseResult();
            writer.WriteStartElement("ResponseMetadata");
            writer.WriteElementString("RequestId", requestId);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return buffer.ToArray();
    }

    public static byte[] Error(AwsError error, string xmlNamespace, string requestId)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, QueryXmlWriter.Settings))
        {
            writer.WriteStartElement("ErrorResponse", xmlNamespace);
            writer.WriteStartElement("Error");
            writer.WriteElementString("Type", error.IsSenderFault ? "Sender" : "Receiver");
            writer.WriteElementString("Code", error.Code);
            writer.WriteElementString("Message", error.Message);
            writer.WriteEndElement();
            writer.WriteElementString("RequestId", requestId);
            writer.WriteEndElement();
        }

        return buffer.ToArray();
    }

    public static string Text(byte[] body) => Encoding.UTF8.GetString(body);
}
