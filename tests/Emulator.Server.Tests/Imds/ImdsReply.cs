using System.Text;

namespace Emulator.Server.Tests.Imds;

/// <summary>An IMDS answer as a client sees it: status, headers (case-insensitive) and raw body.</summary>
public sealed record ImdsReply(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
