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

    public Task<IamResponse> Call(string action, params (string Name, string Value)[] parameters) =>
        Send(action, parameters, DateTimeOffset.UtcNow);

    public async Task<IamResponse> Send(string action, (string Name, string Value)[] parameters, DateTimeOffset signedAt, Action<HttpRequestMessage>? tamper = null)
    {
        var body = Form([("Action", action), ("Version", "2010-05-08"), .. parameters]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
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
            ["host"] = ["localhost"],
            ["x-amz-date"] = [amzDate],
        };
        var signed = new SignedRequest("POST", "/", "", headers, body);
        var signedHeaders = new[] { "content-type", "host", "x-amz-date" };
        var canonical = SigV4Signer.CanonicalRequest(signed, signedHeaders, SigV4Signer.PayloadHash(body), excludeSignatureParameter: false);
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
