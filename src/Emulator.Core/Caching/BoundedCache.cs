using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Emulator.Core.Caching;

/// <summary>
/// A thread-safe cache that starts over when it reaches its capacity: what it saves (decrypting a
/// session token, deriving a signing key, compiling a session policy) is cheap to redo, so a flood of
/// distinct keys costs memory only up to the capacity and never needs an eviction policy.
/// </summary>
public sealed class BoundedCache<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> entries = new(comparer);

    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value) => entries.TryGetValue(key, out value);

    public void Add(TKey key, TValue value)
    {
        if (entries.Count >= capacity)
        {
            entries.Clear();
        }

        entries[key] = value;
    }

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        if (TryGet(key, out var value))
        {
            return value;
        }

        value = create(key);
        Add(key, value);
        return value;
    }
}
