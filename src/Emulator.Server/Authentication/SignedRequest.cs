using Emulator.Server.Protocol;

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
    private IReadOnlyList<KeyValuePair<string, string>>? queryPairs;

    /// <summary>The query's decoded pairs: the pipeline passes the ones its parameters were decoded from.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> QueryPairs
    {
        get => queryPairs ??= QueryParameters.DecodePairs(RawQuery);
        init => queryPairs = value;
    }

    /// <summary>The first value of a presigned query parameter, or null.</summary>
    public string? QueryValue(string name)
    {
        foreach (var (key, value) in QueryPairs)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }

    public string? Header(string name) =>
        Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
