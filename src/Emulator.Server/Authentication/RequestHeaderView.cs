using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Primitives;

namespace Emulator.Server.Authentication;

/// <summary>
/// The request's headers as SigV4 reads them (case-insensitive names, raw values), without copying
/// them: a request touches only the few headers it signed.
/// </summary>
public sealed class RequestHeaderView(IHeaderDictionary headers) : IReadOnlyDictionary<string, IReadOnlyList<string>>
{
    public IReadOnlyList<string> this[string key] => TryGetValue(key, out var values) ? values : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => headers.Keys.Select(k => k.ToLowerInvariant());

    public IEnumerable<IReadOnlyList<string>> Values => headers.Values.Select(Convert);

    public int Count => headers.Count;

    public bool ContainsKey(string key) => headers.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out IReadOnlyList<string> value)
    {
        if (headers.TryGetValue(key, out var values))
        {
            value = Convert(values);
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator() =>
        headers.Select(h => new KeyValuePair<string, IReadOnlyList<string>>(h.Key.ToLowerInvariant(), Convert(h.Value))).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private static string[] Convert(StringValues values)
    {
        var result = new string[values.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = values[i] ?? "";
        }

        return result;
    }
}
