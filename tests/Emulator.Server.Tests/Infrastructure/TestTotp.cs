using System.Buffers.Binary;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Emulator.Server.Tests.Infrastructure;

/// <summary>
/// The tests' own RFC 6238 code maker (HMAC-SHA1, 30 s steps, 6 digits), written from the RFC rather than
/// shared with the server, so a server that computed codes wrongly would fail the tests.
/// </summary>
public static class TestTotp
{
    public static string Code(string base32Seed, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(Base32Decode(base32Seed), counter);
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / 30;

    /// <summary>A six-digit code that is not the device's code at any step near <paramref name="step"/>.</summary>
    public static string WrongCode(string base32Seed, long step)
    {
        var near = Enumerable.Range(-3, 7).Select(d => Code(base32Seed, step + d)).ToHashSet();
        return new[] { "000000", "111111", "222222", "333333" }.First(c => !near.Contains(c));
    }

    /// <summary>The seed as CreateVirtualMFADevice returns it: base64 of the Base32 text.</summary>
    public static string SeedOf(IamResponse created) => Encoding.ASCII.GetString(Convert.FromBase64String(created.Value("Base32StringSeed")!));

    /// <summary>The emulator's clock (codes follow it, not the test machine's).</summary>
    public static async Task<DateTimeOffset> EmulatorNow(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonElement>("/_emulator/clock")).GetProperty("now").GetDateTimeOffset();

    public static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }

    public static string Base32Encode(byte[] bytes)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }
}
