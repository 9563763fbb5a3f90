using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Emulator.Server.Authentication;

namespace Emulator.Server.Tests.Infrastructure;

/// <summary>Sends signed IAM query requests the way SDKs do (form POST, SigV4 header form).</summary>
public sealed class IamTestClient(HttpClient http, string accessKeyId, string secret)
{
    public string Region { get; init; } = "us-east-1";

    public string Service { get; init; } = "iam";

    /// <summary>The session token of temporary credentials, sent as X-Amz-Security-Token and signed.</summary>
    public string? SessionToken { get; init; }

    /// <summary>Sign with this payload hash and send it as x-amz-content-sha256 (signed), instead of hashing the body.</summary>
    public string? DeclaredPayloadHash { get; init; }

    /// <summary>The Host header signed and sent; SDKs send whatever name the endpoint has.</summary>
    public string Host { get; init; } = "localhost";

    private string ApiVersion => Service switch { "sts" => "2011-06-15", "ec2" => "2016-11-15", _ => "2010-05-08" };

    /// <summary>A client for the other service with the same credentials.</summary>
    public IamTestClient For(string service) => new(http, accessKeyId, secret) { Service = service, Region = Region, SessionToken = SessionToken };

    /// <summary>A client signing with temporary credentials from an STS response.</summary>
    public IamTestClient WithCredentials(IamResponse stsResponse, string service = "iam") =>
        new(http, stsResponse.Value("AccessKeyId")!, stsResponse.Value("SecretAccessKey")!) { Service = service, Region = Region, SessionToken = stsResponse.Value("SessionToken") };

    /// <summary>The same client signing for another region.</summary>
    public IamTestClient InRegion(string region) => new(http, accessKeyId, secret) { Service = Service, Region = region, SessionToken = SessionToken };

    public Task<IamResponse> Call(string action, params (string Name, string Value)[] parameters) =>
        Send(action, parameters, DateTimeOffset.UtcNow);

    public async Task<IamResponse> Send(string action, (string Name, string Value)[] parameters, DateTimeOffset signedAt, Action<HttpRequestMessage>? tamper = null)
    {
        var body = Form([("Action", action), ("Version", ApiVersion), .. parameters]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        request.Headers.Host = Host;
        Sign(request, Encoding.UTF8.GetBytes(body), signedAt);
        tamper?.Invoke(request);
        return await Read(await http.SendAsync(request));
    }

    public async Task<IamResponse> SendRaw(HttpRequestMessage request) => await Read(await http.SendAsync(request));

    public static string Form(IEnumerable<(string Name, string Value)> parameters) =>
        string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));

    private void Sign(HttpRequestMessage request, byte[] body, DateTimeOffset signedAt)
    {
        var amzDate = signedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        var headers = new Dictionary<string, IReadOnlyList<string>>
        {
            ["content-type"] = ["application/x-www-form-urlencoded; charset=utf-8"],
            ["host"] = [Host],
            ["x-amz-date"] = [amzDate],
        };
        if (SessionToken is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", SessionToken);
            headers["x-amz-security-token"] = [SessionToken];
        }

        if (DeclaredPayloadHash is not null)
        {
            request.Headers.TryAddWithoutValidation("x-amz-content-sha256", DeclaredPayloadHash);
            headers["x-amz-content-sha256"] = [DeclaredPayloadHash];
        }

        var signed = new SignedRequest("POST", "/", "", headers, body);
        var signedHeaders = headers.Keys.Order(StringComparer.Ordinal).ToArray();
        var canonical = SigV4Signer.CanonicalRequest(signed, signedHeaders, DeclaredPayloadHash ?? SigV4Signer.PayloadHash(body), excludeSignatureParameter: false);
        var scope = $"{date}/{Region}/{Service}/aws4_request";
        var signature = SigV4Signer.Signature(SigV4Signer.SigningKey(secret, date, Region, Service), SigV4Signer.StringToSign(amzDate, scope, canonical));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={accessKeyId}/{scope}, SignedHeaders={string.Join(';', signedHeaders)}, Signature={signature}");
    }

    private static async Task<IamResponse> Read(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return new IamResponse(response.StatusCode, text, XDocument.Parse(text));
    }
}
