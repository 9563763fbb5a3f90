using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Emulator.Server.Authentication;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Authentication;

/// <summary>Presigned GET URLs, as EKS and Vault use them to prove an identity with sts:GetCallerIdentity.</summary>
public sealed class PresignedRequestTests : IClassFixture<DefaultEmulator>
{
    private readonly DefaultEmulator factory;

    public PresignedRequestTests(DefaultEmulator factory) => this.factory = factory;

    private static string Presign(string query, string secret, DateTimeOffset at, string service = "sts")
    {
        var amzDate = at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var scope = $"{amzDate[..8]}/us-east-1/{service}/aws4_request";
        var full = $"{query}&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={Uri.EscapeDataString($"{EmulatorFactory.DefaultKeyId}/{scope}")}" +
            $"&X-Amz-Date={amzDate}&X-Amz-Expires=60&X-Amz-SignedHeaders=host";
        var request = new SignedRequest("GET", "/", full, new Dictionary<string, IReadOnlyList<string>> { ["host"] = ["localhost"] }, []);
        var canonical = SigV4Signer.CanonicalRequest(request, ["host"], SigV4Signer.EmptyPayloadHash, excludeSignatureParameter: true);
        var signature = SigV4Signer.Signature(SigV4Signer.SigningKey(secret, amzDate[..8], "us-east-1", service), SigV4Signer.StringToSign(amzDate, scope, canonical));
        return $"/?{full}&X-Amz-Signature={signature}";
    }

    [Fact]
    public async Task A_presigned_GetCallerIdentity_url_is_accepted()
    {
        var response = await factory.CreateClient().GetAsync(Presign("Action=GetCallerIdentity&Version=2011-06-15", EmulatorFactory.DefaultSecret, DateTimeOffset.UtcNow));
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        xml.Descendants().Single(e => e.Name.LocalName == "Arn").Value.Should().Be("arn:aws:iam::123456789012:root");
    }

    [Theory]
    [InlineData("DurationSeconds=900", HttpStatusCode.Forbidden, "SignatureDoesNotMatch")]
    [InlineData("Action=GetSessionToken", HttpStatusCode.BadRequest, "MalformedQueryString")]
    public async Task A_shared_presigned_url_sent_with_a_body_is_refused_and_issues_nothing(string body, HttpStatusCode status, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Presign("Action=GetCallerIdentity&Version=2011-06-15", EmulatorFactory.DefaultSecret, DateTimeOffset.UtcNow))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };

        var response = await factory.CreateClient().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(status);
        text.Should().Contain($"<Code>{code}</Code>").And.NotContain("<Arn>");
    }

    [Fact]
    public async Task A_presigned_url_with_a_wrong_secret_is_SignatureDoesNotMatch()
    {
        var response = await factory.CreateClient().GetAsync(Presign("Action=GetCallerIdentity&Version=2011-06-15", "wrong", DateTimeOffset.UtcNow));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("<Code>SignatureDoesNotMatch</Code>");
    }

    [Fact]
    public async Task X_Amz_Expires_is_ignored_but_the_15_minute_window_applies()
    {
        var tenMinutesOld = await factory.CreateClient().GetAsync(Presign("Action=GetCallerIdentity&Version=2011-06-15", EmulatorFactory.DefaultSecret, DateTimeOffset.UtcNow.AddMinutes(-10)));
        var twentyMinutesOld = await factory.CreateClient().GetAsync(Presign("Action=GetCallerIdentity&Version=2011-06-15", EmulatorFactory.DefaultSecret, DateTimeOffset.UtcNow.AddMinutes(-20)));

        tenMinutesOld.StatusCode.Should().Be(HttpStatusCode.OK, "non-S3 services ignore X-Amz-Expires=60 (EKS tokens live ~15 minutes)");
        (await twentyMinutesOld.Content.ReadAsStringAsync()).Should().Contain("Signature expired");
    }

    [Fact]
    public async Task IAM_answers_query_string_GET_requests_too()
    {
        var response = await factory.CreateClient().GetAsync(Presign("Action=ListRoles&Version=2010-05-08&MaxItems=1", EmulatorFactory.DefaultSecret, DateTimeOffset.UtcNow, "iam"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("<ListRolesResult>");
    }
}
