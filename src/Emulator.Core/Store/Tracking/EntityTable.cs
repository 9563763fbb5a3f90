using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Emulator.Core.Store.Tracking;

/// <summary>
/// A dictionary of immutable entities whose every change is reported to the running write's
/// <see cref="ChangeSet"/>. Names that IAM treats case-insensitively are stored under their lower-case
/// form, so a durable store holds one row per entity however a call spells its name.
/// </summary>
public sealed class EntityTable<T>(string kind, string scope, IRowCodec<T> codec, bool ignoreCase = false)
    : ITrackedRows, IReadOnlyDictionary<string, T>
    where T : notnull
{
    private readonly Dictionary<string, T> items = new(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    public string Kind { get; } = kind;

    public string Scope { get; } = scope;

    public int Count => items.Count;

    public IEnumerable<string> Keys => items.Keys;

    public IEnumerable<T> Values => items.Values;

    public T this[string key]
    {
        get => items[key];
        set
        {
            Track(key);
            items[key] = value;
        }
    }

    public bool ContainsKey(string key) => items.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value) => items.TryGetValue(key, out value);

    public bool TryAdd(string key, T value)
    {
        if (items.ContainsKey(key))
        {
            return false;
        }

        this[key] = value;
        return true;
    }

    public bool Remove(string key)
    {
        if (!items.ContainsKey(key))
        {
            return false;
        }

        Track(key);
        return items.Remove(key);
    }

    public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Copies every entity into <paramref name="target"/> without tracking: immutable entities are shared,
    /// mutable ones (accounts) copied by <paramref name="copy"/>.
    /// </summary>
    public void CopyInto(EntityTable<T> target, Func<T, T>? copy = null)
    {
        foreach (var (key, value) in items)
        {
            target.items[key] = copy is null ? value : copy(value);
        }
    }

    public IEnumerable<StateRow> AllRows() => items.Select(pair => new StateRow(Kind, Scope, RowKey(pair.Key), codec.Encode(pair.Value)));

    public StateRow RowOf(string key) =>
        new(Kind, Scope, RowKey(key), items.TryGetValue(key, out var value) ? codec.Encode(value) : null);

    public void Load(string key, string? document)
    {
        if (document is null)
        {
            items.Remove(key);
        }
        else
        {
            items[key] = codec.Decode(key, document, items.GetValueOrDefault(key));
        }
    }

    public void Restore(string key, bool existed, object? value)
    {
        if (existed)
        {
            items[key] = (T)value!;
        }
        else
        {
            items.Remove(key);
        }
    }

    private void Track(string key)
    {
        if (ChangeSet.Current is { } changes)
        {
            var existed = items.TryGetValue(key, out var old);
            changes.Touch(this, RowKey(key), existed, old);
        }
    }

    private string RowKey(string key) => items.Comparer == StringComparer.OrdinalIgnoreCase ? key.ToLowerInvariant() : key;
}
