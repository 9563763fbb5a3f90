using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Emulator.Core.Store.Tracking;

namespace Emulator.Core.Store.Persistence;

/// <summary>Entities stored as their source-generated JSON.</summary>
public sealed class JsonRowCodec<T>(JsonTypeInfo<T> type) : IRowCodec<T>
{
    public string Encode(T value) => JsonSerializer.Serialize(value, type);

    public T Decode(string key, string document, T? existing) =>
        JsonSerializer.Deserialize(document, type) ?? throw new JsonException($"the document of {key} is null.");
}
