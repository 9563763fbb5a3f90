using System.Net;
using System.Xml.Linq;

namespace Emulator.Server.Tests.Infrastructure;

/// <summary>A parsed query-protocol response: status, body and easy access to members and the error.</summary>
public sealed record IamResponse(HttpStatusCode Status, string Body, XDocument Xml)
{
    public static readonly XNamespace Iam = "https://iam.amazonaws.com/doc/2010-05-08/";

    public string? ErrorCode => Xml.Root?.Element(Iam + "Error")?.Element(Iam + "Code")?.Value;

    public string? ErrorMessage => Xml.Root?.Element(Iam + "Error")?.Element(Iam + "Message")?.Value;

    public string? ErrorType => Xml.Root?.Element(Iam + "Error")?.Element(Iam + "Type")?.Value;

    /// <summary>The first element with this local name anywhere in the response.</summary>
    public string? Value(string name) => Xml.Descendants(Iam + name).FirstOrDefault()?.Value;

    public IEnumerable<XElement> All(string name) => Xml.Descendants(Iam + name);

    public XElement? Element(string name) => Xml.Descendants(Iam + name).FirstOrDefault();
}
