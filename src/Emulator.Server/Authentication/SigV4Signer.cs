using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Emulator.Server.Protocol;

namespace Emulator.Server.Authentication;

/// <summary>
/// The SigV4 algorithm for the non-S3 services: canonical request, string to sign, signing key
/// and signature. Used to verify requests, and by tests to sign them.
/// </summary>
public static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static string CanonicalRequest(SignedRequest request, IReadOnlyList<string> signedHeaders, string payloadHash, bool excludeSignatureParameter)
    {
        var builder = new StringBuilder();
        builder.Append(request.Method).Append('\n');
        builder.Append(CanonicalUri(request.RawPath)).Append('\n');
        builder.Append(CanonicalQueryString(request.QueryPairs, excludeSignatureParameter)).Append('\n');
        foreach (var name in signedHeaders)
        {
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(request, name)).Append('\n');
        }

        builder.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n').Append(payloadHash);
        return builder.ToString();
    }

    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

    public static byte[] SigningKey(string secretAccessKey, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8.ToArray());
    }

    public static string Signature(byte[] signingKey, string stringToSign) =>
        Hex(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));

    public static string PayloadHash(byte[] body) => Hex(SHA256.HashData(body));

    /// <summary>Path normalised (dot segments, repeated slashes) then percent-encoded again, as every service but S3 does.</summary>
    public static string CanonicalUri(string rawPath)
    {
        if (rawPath.Length == 0)
        {
            return "/";
        }

        var segments = new List<string>();
        foreach (var segment in rawPath.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        var normalized = "/" + string.Join('/', segments);
        if (rawPath.EndsWith('/') && segments.Count > 0)
        {
            normalized += "/";
        }

        return Encode(normalized, keepSlash: true);
    }

    /// <summary>The canonical query string of a raw query, decoded by the same decoder as the parameters.</summary>
    public static string CanonicalQueryString(string rawQuery, bool excludeSignatureParameter) =>
        CanonicalQueryString(QueryParameters.DecodePairs(rawQuery), excludeSignatureParameter);

    /// <summary>Decoded pairs re-encoded with RFC 3986 rules, sorted by key then value.</summary>
    public static string CanonicalQueryString(IReadOnlyList<KeyValuePair<string, string>> decodedPairs, bool excludeSignatureParameter)
    {
        if (decodedPairs.Count == 0)
        {
            return "";
        }

        var pairs = new List<(string Key, string Value)>(decodedPairs.Count);
        foreach (var (key, value) in decodedPairs)
        {
            if (excludeSignatureParameter && key == "X-Amz-Signature")
            {
                continue;
            }

            pairs.Add((Encode(key, keepSlash: false), Encode(value, keepSlash: false)));
        }

        pairs.Sort((a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(p => $"{p.Key}={p.Value}"));
    }

    public static string Encode(string text, bool keepSlash)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    private static string CanonicalHeaderValue(SignedRequest request, string name)
    {
        if (!request.Headers.TryGetValue(name, out var values))
        {
            return "";
        }

        return string.Join(',', values.Select(v => string.Join(' ', v.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
    }
}
