namespace Emulator.Server.Authentication;

/// <summary>
/// A request as SigV4 sees it: the raw request target (never Kestrel's decoded path), raw header
/// values and raw body bytes.
/// </summary>
public sealed record SignedRequest(
    string Method,
    string RawPath,
    string RawQuery,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Headers,
    byte[] Body)
{
    public string? Header(string name) =>
        Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
