using System.Globalization;
using System.Text;
using System.Xml;

namespace Emulator.Server.Protocol;

/// <summary>
/// Writes the members of an answer in the XML shape of its protocol: the query protocol wraps them in
/// <c>&lt;XResult&gt;</c> (opened on the first member, so an operation without output writes only
/// ResponseMetadata) and lists them as <c>member</c>; EC2 has no wrapper and lists them as <c>item</c>.
/// </summary>
public sealed class QueryXmlWriter
{
    private readonly XmlWriter writer;
    private readonly string? resultElement;
    private readonly string listMember;
    private readonly byte[] listMemberOpen;
    private readonly byte[] listMemberClose;
    private bool resultOpen;

    private readonly Stream output;

    /// <param name="resultElement">The element that wraps the members, or null when they sit directly in the response (EC2).</param>
    /// <param name="output">The stream <paramref name="writer"/> writes to: cached fragments are copied into it directly.</param>
    /// <param name="listMember">The element of each list entry: <c>member</c> (query) or <c>item</c> (EC2).</param>
    public QueryXmlWriter(XmlWriter writer, string? resultElement, Stream output, string listMember = "member")
    {
        this.writer = writer;
        this.resultElement = resultElement;
        this.output = output;
        this.listMember = listMember;
        listMemberOpen = Encoding.UTF8.GetBytes($"<{listMember}>");
        listMemberClose = Encoding.UTF8.GetBytes($"</{listMember}>");
        resultOpen = resultElement is null;
    }

    public bool WroteResult => resultOpen;

    public QueryXmlWriter Value(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        EnsureResult();
        writer.WriteElementString(name, XmlSafeText.Make(value));
        return this;
    }

    public QueryXmlWriter Value(string name, int value) => Value(name, value.ToString(CultureInfo.InvariantCulture));

    public QueryXmlWriter Value(string name, bool value) => Value(name, value ? "true" : "false");

    public QueryXmlWriter Value(string name, DateTimeOffset? value) =>
        value is null ? this : Value(name, FormatTime(value.Value));

    /// <summary>A policy document: percent-encoded as IAM returns it (spaces as %20, never '+').</summary>
    public QueryXmlWriter PolicyDocument(string name, string text) => Value(name, Uri.EscapeDataString(text));

    public QueryXmlWriter Object(string name, Action<QueryXmlWriter> members)
    {
        EnsureResult();
        writer.WriteStartElement(name);
        members(this);
        writer.WriteEndElement();
        return this;
    }

    /// <summary>A list in the query protocol's shape: <c>&lt;Name&gt;&lt;member&gt;…&lt;/member&gt;&lt;/Name&gt;</c>.</summary>
    public QueryXmlWriter List<T>(string name, IEnumerable<T> items, Action<QueryXmlWriter, T> member)
    {
        EnsureResult();
        writer.WriteStartElement(name);
        foreach (var item in items)
        {
            writer.WriteStartElement(listMember);
            member(this, item);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        return this;
    }

    /// <summary>A structure written once per entity record and reused (see <see cref="EncodedFragmentCache{T}"/>).</summary>
    public QueryXmlWriter Object<T>(string name, T item, EncodedFragmentCache<T> cache)
        where T : class
    {
        EnsureResult();
        writer.WriteStartElement(name);
        HandOverStream();
        output.Write(cache.Get(item));
        writer.WriteEndElement();
        return this;
    }

    /// <summary>A list whose members are written once per entity and reused (see <see cref="EncodedFragmentCache{T}"/>).</summary>
    public QueryXmlWriter List<T>(string name, IEnumerable<T> items, EncodedFragmentCache<T> cache)
        where T : class
    {
        EnsureResult();
        writer.WriteStartElement(name);
        HandOverStream();
        foreach (var item in items)
        {
            output.Write(listMemberOpen);
            output.Write(cache.Get(item));
            output.Write(listMemberClose);
        }

        writer.WriteEndElement();
        return this;
    }

    /// <summary>The members <paramref name="write"/> produces, as UTF-8 XML to embed in a result.</summary>
    internal static byte[] Fragment(Action<QueryXmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var fragment = XmlWriter.Create(buffer, FragmentSettings))
        {
            write(new QueryXmlWriter(fragment, "", buffer) { resultOpen = true });
        }

        return buffer.ToArray();
    }

    public QueryXmlWriter StringList(string name, IEnumerable<string> items)
    {
        EnsureResult();
        writer.WriteStartElement(name);
        foreach (var item in items)
        {
            writer.WriteElementString(listMember, XmlSafeText.Make(item));
        }

        writer.WriteEndElement();
        return this;
    }

    /// <summary>A map in the query protocol's shape: <c>&lt;entry&gt;&lt;key/&gt;&lt;value/&gt;&lt;/entry&gt;</c>.</summary>
    public QueryXmlWriter Map(string name, IEnumerable<KeyValuePair<string, string>> entries)
    {
        EnsureResult();
        writer.WriteStartElement(name);
        foreach (var (key, value) in entries)
        {
            writer.WriteStartElement("entry");
            writer.WriteElementString("key", XmlSafeText.Make(key));
            writer.WriteElementString("value", XmlSafeText.Make(value));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        return this;
    }

    /// <summary>
    /// Opens the result element though no member follows: operations whose output shape has no members
    /// (UpdateRole) still answer <c>&lt;UpdateRoleResult/&gt;</c>, and SDKs read that element.
    /// </summary>
    public QueryXmlWriter EmptyResult()
    {
        EnsureResult();
        return this;
    }

    public QueryXmlWriter Empty(string name)
    {
        EnsureResult();
        writer.WriteStartElement(name);
        writer.WriteEndElement();
        return this;
    }

    /// <summary>
    /// Closes the open start tag and flushes the writer, so bytes can be written to the stream directly:
    /// cached fragments are already UTF-8, and copying them is many times faster than having the
    /// writer re-encode them character by character.
    /// </summary>
    private void HandOverStream()
    {
        writer.WriteString("");
        writer.Flush();
    }

    internal void CloseResult()
    {
        if (resultOpen && resultElement is not null)
        {
            writer.WriteEndElement();
        }
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private void EnsureResult()
    {
        if (!resultOpen)
        {
            writer.WriteStartElement(resultElement!);
            resultOpen = true;
        }
    }

    private static XmlWriterSettings FragmentSettings { get; } = new() { Encoding = new UTF8Encoding(false), ConformanceLevel = ConformanceLevel.Fragment, Indent = false, OmitXmlDeclaration = true };

    internal static XmlWriterSettings Settings { get; } = new() { Encoding = new UTF8Encoding(false), Indent = false, OmitXmlDeclaration = false };
}
