using System.Text;
using System.Text.Json;

namespace Emulator.EndToEnd.Tests.Hostile;

/// <summary>
/// One request of the hostile corpus, byte for byte: method, raw target (path and query), headers and
/// body as the corpus holds them, plus whether to sign it at run time and with which scope.
/// </summary>
public sealed record HostileRequest(
    string Method,
    byte[] Target,
    IReadOnlyList<(string Name, byte[] Value)> Headers,
    byte[] Body,
    bool Sign,
    string SignService,
    string SignRegion)
{
    public static HostileRequest FromJson(JsonElement json) => new(
        json.GetProperty("method").GetString()!,
        Encoding.UTF8.GetBytes(json.GetProperty("target").GetString()!),
        json.TryGetProperty("headers", out var headers) ? headers.EnumerateArray().Select(Header).ToList() : [],
        ReadBody(json),
        json.TryGetProperty("sign", out var sign) && sign.GetBoolean(),
        json.TryGetProperty("sign_service", out var service) ? service.GetString()! : "iam",
        json.TryGetProperty("sign_region", out var region) ? region.GetString()! : "us-east-1");

    /// <summary>The request with <c>{{amz-date}}</c> and <c>{{date}}</c> in its target and header values set to <paramref name="now"/>.</summary>
    public HostileRequest At(DateTimeOffset now)
    {
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        byte[] Fill(byte[] bytes) => Encoding.Latin1.GetBytes(
            Encoding.Latin1.GetString(bytes).Replace("{{amz-date}}", amzDate, StringComparison.Ordinal).Replace("{{date}}", amzDate[..8], StringComparison.Ordinal));
        return this with { Target = Fill(Target), Headers = Headers.Select(h => (h.Name, Fill(h.Value))).ToList() };
    }

    private static (string Name, byte[] Value) Header(JsonElement header) => (
        header.GetProperty("name").GetString()!,
        header.TryGetProperty("value_b64", out var raw) ? Convert.FromBase64String(raw.GetString()!) : Encoding.UTF8.GetBytes(header.GetProperty("value").GetString()!));

    private static byte[] ReadBody(JsonElement json)
    {
        if (json.TryGetProperty("body_b64", out var raw))
        {
            return Convert.FromBase64String(raw.GetString()!);
        }

        if (json.TryGetProperty("body", out var text))
        {
            return Encoding.UTF8.GetBytes(text.GetString()!);
        }

        if (!json.TryGetProperty("body_parts", out var parts))
        {
            return [];
        }

        // Large bodies are stored as parts repeated N times; "numbered" parts count {n} from 1 to N.
        using var body = new MemoryStream();
        foreach (var part in parts.EnumerateArray())
        {
            var repeat = part.TryGetProperty("repeat", out var count) ? count.GetInt32() : 1;
            var numbered = part.TryGetProperty("numbered", out var flag) && flag.GetBoolean();
            var data = part.TryGetProperty("b64", out var b64) ? Convert.FromBase64String(b64.GetString()!) : Encoding.UTF8.GetBytes(part.GetProperty("text").GetString()!);
            for (var n = 1; n <= repeat; n++)
            {
                body.Write(numbered ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(data).Replace("{n}", n.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)) : data);
            }
        }

        return body.ToArray();
    }
}
