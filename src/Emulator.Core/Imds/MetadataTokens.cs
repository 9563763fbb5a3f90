using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Emulator.Core.Imds;

/// <summary>
/// IMDSv2 session tokens (<c>PUT /latest/api/token</c>). A token is self-contained: its expiry and an
/// HMAC over the expiry and the instance id under a per-process random key, so nothing is stored, a
/// token works only for the instance it was minted for (AWS answers another instance with 401), and
/// every token dies with the process.
/// </summary>
public sealed class MetadataTokens(byte[] key, TimeProvider clock)
{
    /// <summary>"up to a maximum of six hours" (EC2 UG); a larger TTL is 400.</summary>
    public const int MaxTtlSeconds = 21600;

    private const int ExpiryBytes = 8;
    private const int MacBytes = 32;

    /// <summary>A token for <paramref name="instanceId"/> valid for <paramref name="ttlSeconds"/> (0 gives one that is already expired, as AWS does).</summary>
    public string Mint(string instanceId, int ttlSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ttlSeconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ttlSeconds, MaxTtlSeconds);
        var expires = clock.GetUtcNow().ToUnixTimeMilliseconds() + (ttlSeconds * 1000L);
        Span<byte> token = stackalloc byte[ExpiryBytes + MacBytes];
        BinaryPrimitives.WriteInt64BigEndian(token, expires);
        Mac(instanceId, expires, token[ExpiryBytes..]);
        // 40 bytes give 56 base64 characters, the length of AWS's tokens.
        return Convert.ToBase64String(token);
    }

    /// <summary>The whole seconds the token has left for this instance, or null when it is malformed, forged, for another instance or expired.</summary>
    public int? RemainingSeconds(string token, string instanceId)
    {
        Span<byte> bytes = stackalloc byte[ExpiryBytes + MacBytes];
        if (token.Length != 56 || !Convert.TryFromBase64String(token, bytes, out var written) || written != bytes.Length)
        {
            return null;
        }

        var expires = BinaryPrimitives.ReadInt64BigEndian(bytes);
        Span<byte> expected = stackalloc byte[MacBytes];
        Mac(instanceId, expires, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[ExpiryBytes..]))
        {
            return null;
        }

        var left = expires - clock.GetUtcNow().ToUnixTimeMilliseconds();
        // Rounded up: a fresh 21600 s token reports 21600, as AWS's does.
        return left > 0 ? (int)((left + 999) / 1000) : null;
    }

    private void Mac(string instanceId, long expires, Span<byte> destination)
    {
        // The message is formatted on the stack, not allocated per request.
        Span<byte> message = stackalloc byte[Encoding.UTF8.GetMaxByteCount(instanceId.Length) + 1 + 20];
        var length = Encoding.UTF8.GetBytes(instanceId, message);
        message[length++] = (byte)'\n';
        expires.TryFormat(message[length..], out var digits, provider: System.Globalization.CultureInfo.InvariantCulture);
        HMACSHA256.HashData(key, message[..(length + digits)], destination);
    }
}
