using System.Globalization;
using System.Text;
using Emulator.EndToEnd.Tests.Infrastructure;
using Emulator.Server.Authentication;

namespace Emulator.EndToEnd.Tests.Hostile;

/// <summary>
/// Signs raw requests with SigV4 in the header form, over the exact target and body bytes that are
/// sent: host, x-amz-date and (when present) content-type, with the default root keys unless told otherwise.
/// </summary>
public static class RawRequestSigner
{
    public static string AmzDate(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The headers to send: the given ones plus X-Amz-Date and Authorization.</summary>
    public static List<(string Name, byte[] Value)> Sign(
        Uri server, string method, string target, IReadOnlyList<(string Name, byte[] Value)> headers, byte[] body,
        DateTimeOffset at, string service = "iam", string region = "us-east-1", AwsCredentials? credentials = null,
        string? payloadHash = null, IReadOnlyList<string>? extraSignedHeaders = null)
    {
        credentials ??= AwsCredentials.DefaultRoot;
        var amzDate = AmzDate(at);
        var result = headers.Append((Name: "X-Amz-Date", Value: Encoding.ASCII.GetBytes(amzDate))).ToList();
        var canonicalHeaders = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["host"] = [$"{server.Host}:{server.Port.ToString(CultureInfo.InvariantCulture)}"],
            ["x-amz-date"] = [amzDate],
        };
        foreach (var name in new[] { "content-type" }.Concat(extraSignedHeaders ?? []))
        {
            var values = result.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => Encoding.Latin1.GetString(h.Value)).ToList();
            if (values.Count > 0)
            {
                canonicalHeaders[name] = values;
            }
        }

        var question = target.IndexOf('?', StringComparison.Ordinal);
        var request = new SignedRequest(method, question < 0 ? target : target[..question], question < 0 ? "" : target[(question + 1)..], canonicalHeaders, body);
        var signedHeaders = canonicalHeaders.Keys.Order(StringComparer.Ordinal).ToList();
        string canonical;
        try
        {
            canonical = SigV4Signer.CanonicalRequest(request, signedHeaders, payloadHash ?? SigV4Signer.PayloadHash(body), excludeSignatureParameter: false);
        }
        catch (Emulator.Core.Errors.AwsException)
        {
            // A query the emulator's decoder refuses (not UTF-8): the server refuses it before any signature
            // check, so any signature will do for the case.
            canonical = target;
        }

        var scope = $"{amzDate[..8]}/{region}/{service}/aws4_request";
        var signature = SigV4Signer.Signature(SigV4Signer.SigningKey(credentials.SecretAccessKey, amzDate[..8], region, service), SigV4Signer.StringToSign(amzDate, scope, canonical));
        result.Add((Name: "Authorization", Value: Encoding.UTF8.GetBytes(
            $"{SigV4Signer.Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={string.Join(';', signedHeaders)}, Signature={signature}")));
        return result;
    }

    /// <summary>
    /// A presigned URL target (botocore's rules: parameters in the query, only host signed, the
    /// empty-body payload hash) for the given query, e.g. <c>Action=GetCallerIdentity&amp;Version=2011-06-15</c>.
    /// </summary>
    public static string Presign(Uri server, string query, DateTimeOffset at, string service = "sts", string region = "us-east-1")
    {
        var amzDate = AmzDate(at);
        var scope = $"{amzDate[..8]}/{region}/{service}/aws4_request";
        var credentials = AwsCredentials.DefaultRoot;
        var full = $"{query}&X-Amz-Algorithm={SigV4Signer.Algorithm}&X-Amz-Credential={Uri.EscapeDataString($"{credentials.AccessKeyId}/{scope}")}" +
            $"&X-Amz-Date={amzDate}&X-Amz-Expires=900&X-Amz-SignedHeaders=host";
        var host = $"{server.Host}:{server.Port.ToString(CultureInfo.InvariantCulture)}";
        var request = new SignedRequest("GET", "/", full, new Dictionary<string, IReadOnlyList<string>> { ["host"] = [host] }, []);
        var canonical = SigV4Signer.CanonicalRequest(request, ["host"], SigV4Signer.EmptyPayloadHash, excludeSignatureParameter: true);
        var signature = SigV4Signer.Signature(SigV4Signer.SigningKey(credentials.SecretAccessKey, amzDate[..8], region, service), SigV4Signer.StringToSign(amzDate, scope, canonical));
        return $"/?{full}&X-Amz-Signature={signature}";
    }
}
