using System.Collections.Concurrent;

namespace Emulator.Server.Authentication;

/// <summary>
/// SigV4 signing keys by (secret, date, region, service): four HMACs saved per request. Bounded: when
/// full it starts over, so a flood of distinct keys costs memory only up to the capacity.
/// </summary>
public sealed class SigningKeyCache(int capacity)
{
    private readonly ConcurrentDictionary<(string Secret, string Date, string Region, string Service), byte[]> keys = new();

    public byte[] Get(string secret, string date, string region, string service)
    {
        var id = (secret, date, region, service);
        if (keys.TryGetValue(id, out var key))
        {
            return key;
        }

        if (keys.Count >= capacity)
        {
            keys.Clear();
        }

        key = SigV4Signer.SigningKey(secret, date, region, service);
        keys[id] = key;
        return key;
    }
}
