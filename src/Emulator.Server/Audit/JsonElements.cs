using System.Buffers;
using System.Text.Json;

namespace Emulator.Server.Audit;

/// <summary>A <see cref="JsonElement"/> written with a <see cref="Utf8JsonWriter"/>: how the trail builds requestParameters and responseElements.</summary>
public static class JsonElements
{
    public static JsonElement Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }
}
