using System.Net;
using System.Xml.Linq;

namespace Emulator.Server.Tests.Infrastructure;

/// <summary>A parsed query-protocol response: status, body and easy access to members and the error.</summary>
public sealed record IamResponse(HttpStatusCode Status, string Body, XDocument Xml)
{
    public static readonly XNamespace Iam = "https://iam.amazonaws.com/doc/2010-05-08/";

    public static readonly XNamespace Sts = "https://sts.amazonaws.com/doc/2011-06-15/";

    public string? ErrorCode => Value("Code");

    public string? ErrorMessage => Value("Message");

    public string? ErrorType => Value("Type");

    /// <summary>The first element with this local name anywhere in the response (IAM or STS namespace).</summary>
    public string? Value(string name) => Element(name)?.Value;

    public IEnumerable<XElement> All(string name) => Xml.Descendants().Where(e => e.Name.LocalName == name);

    public XElement? Element(string name) => All(name).FirstOrDefault();
}
