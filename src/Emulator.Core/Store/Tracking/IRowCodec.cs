namespace Emulator.Core.Store.Tracking;

/// <summary>Turns an entity into its stored JSON document and back.</summary>
public interface IRowCodec<T>
{
    string Encode(T value);

    /// <summary>The entity a document describes; <paramref name="existing"/> is the one in memory, if any.</summary>
    T Decode(string key, string document, T? existing);
}
