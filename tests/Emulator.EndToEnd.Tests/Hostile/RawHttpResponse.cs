using System.Text;

namespace Emulator.EndToEnd.Tests.Hostile;

/// <summary>An HTTP/1.1 response as it came off the socket: status, headers in order, body (de-chunked).</summary>
public sealed record RawHttpResponse(int Status, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body)
{
    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>Status, headers and the start of the body, with control characters made visible, for failure messages.</summary>
    public string Describe()
    {
        var text = BodyText;
        var shown = text.Length <= 600 ? text : text[..600] + $"… ({Body.Length} bytes)";
        return $"HTTP {Status}; {string.Join("; ", Headers.Select(h => $"{h.Name}: {h.Value}"))}; body: {Visible(shown)}";
    }

    public static string Visible(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || char.IsSurrogate(c) || c is '\ufffe' or '\uffff' ? $"\\u{(int)c:x4}" : c.ToString()));
}
