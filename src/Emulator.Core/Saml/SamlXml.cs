using System.Xml;

namespace Emulator.Core.Saml;

/// <summary>SAML 2.0's namespaces, and loading untrusted SAML text without DTDs or outside resources.</summary>
public static class SamlXml
{
    public const string Assertion = "urn:oasis:names:tc:SAML:2.0:assertion";
    public const string Protocol = "urn:oasis:names:tc:SAML:2.0:protocol";
    public const string Metadata = "urn:oasis:names:tc:SAML:2.0:metadata";
    public const string Signature = "http://www.w3.org/2000/09/xmldsig#";
    public const string Success = "urn:oasis:names:tc:SAML:2.0:status:Success";
    public const string Bearer = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

    /// <summary>
    /// The document, or null when the text is not well-formed XML. Whitespace is preserved because
    /// signatures cover it; DTDs are refused so no entity can expand or reach outside (XXE).
    /// </summary>
    public static XmlDocument? Load(string text)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreProcessingInstructions = true };
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            document.Load(reader);
            return document;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>The child elements of <paramref name="parent"/> with this name in this namespace.</summary>
    public static IEnumerable<XmlElement> Children(XmlNode parent, string ns, string localName) =>
        parent.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == localName && e.NamespaceURI == ns);

    /// <summary>The only such child, or null when there is none or more than one.</summary>
    public static XmlElement? Single(XmlNode? parent, string ns, string localName)
    {
        if (parent is null)
        {
            return null;
        }

        using var children = Children(parent, ns, localName).GetEnumerator();
        if (!children.MoveNext())
        {
            return null;
        }

        var first = children.Current;
        return children.MoveNext() ? null : first;
    }

    /// <summary>An xs:dateTime attribute as a UTC instant, or null when absent or unreadable.</summary>
    public static DateTimeOffset? Time(XmlElement? element, string attribute)
    {
        var text = element?.GetAttribute(attribute);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return XmlConvert.ToDateTimeOffset(text).ToUniversalTime();
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
