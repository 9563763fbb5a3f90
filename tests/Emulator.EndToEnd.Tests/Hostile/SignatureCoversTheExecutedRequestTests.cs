using System.Text;
using System.Xml.Linq;
using Emulator.EndToEnd.Tests.Infrastructure;
using Emulator.Server.Authentication;

namespace Emulator.EndToEnd.Tests.Hostile;

/// <summary>
/// Reproductions from the security review: a signature must cover what the server executes. A captured
/// signature replayed with another body, an unsigned payload, a presigned GET reused as a POST, or a
/// second Action beside the signed one must never run the other operation.
/// </summary>
public sealed class SignatureCoversTheExecutedRequestTests(DefaultEmulator emulator) : IClassFixture<DefaultEmulator>
{
    private const string Form = "application/x-www-form-urlencoded; charset=utf-8";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly byte[] ListRoles = "Action=ListRoles&Version=2010-05-08"u8.ToArray();

    private Uri Url => new(emulator.Url);

    [Fact]
    public async Task A_captured_ListRoles_signature_replayed_with_a_CreateUser_body_is_SignatureDoesNotMatch_and_creates_no_user()
    {
        var captured = CaptureListRolesWithContentHash();
        var original = await SendAsync("POST", "/", captured, ListRoles);
        original.Status.Should().Be(200, "the captured request itself is valid: {0}", original.Describe());

        var replay = await SendAsync("POST", "/", captured, CreateUser("replayed-with-content-hash"));

        ShouldBeSignatureDoesNotMatch(replay);
        (await UserExistsAsync("replayed-with-content-hash")).Should().BeFalse();
    }

    [Fact]
    public async Task A_captured_ListRoles_signature_replayed_with_a_CreateUser_body_and_no_content_hash_header_is_SignatureDoesNotMatch_and_creates_no_user()
    {
        var captured = CaptureListRolesWithContentHash()
            .Where(h => !h.Name.Equals("x-amz-content-sha256", StringComparison.OrdinalIgnoreCase)).ToList();

        var replay = await SendAsync("POST", "/", captured, CreateUser("replayed-without-content-hash"));

        ShouldBeSignatureDoesNotMatch(replay);
        (await UserExistsAsync("replayed-without-content-hash")).Should().BeFalse();
    }

    [Fact]
    public async Task A_header_signature_over_UNSIGNED_PAYLOAD_with_a_body_is_SignatureDoesNotMatch_and_creates_no_user()
    {
        var body = CreateUser("unsigned-payload");
        var headers = RawRequestSigner.Sign(Url, "POST", "/", [("Content-Type", Encoding.ASCII.GetBytes(Form)), ("x-amz-content-sha256", "UNSIGNED-PAYLOAD"u8.ToArray())],
            body, DateTimeOffset.UtcNow, payloadHash: "UNSIGNED-PAYLOAD", extraSignedHeaders: ["x-amz-content-sha256"]);

        var response = await SendAsync("POST", "/", headers, body);

        ShouldBeSignatureDoesNotMatch(response);
        (await UserExistsAsync("unsigned-payload")).Should().BeFalse();
    }

    /// <summary>The body repeats Action: the decoder refuses the duplicate before anything runs.</summary>
    [Fact]
    public async Task A_presigned_GetCallerIdentity_url_sent_as_POST_with_a_GetSessionToken_body_is_MalformedQueryString_and_issues_no_credentials()
    {
        var url = RawRequestSigner.Presign(Url, "Action=GetCallerIdentity&Version=2011-06-15", DateTimeOffset.UtcNow);

        var response = await SendAsync("POST", url, [("Content-Type", Encoding.ASCII.GetBytes(Form))], "Action=GetSessionToken&Version=2011-06-15"u8.ToArray());

        response.Status.Should().Be(400, response.Describe());
        XDocument.Parse(response.BodyText).Descendants().Single(e => e.Name.LocalName == "Code").Value.Should().Be("MalformedQueryString");
        response.BodyText.Should().NotContain("SecretAccessKey");
    }

    /// <summary>A body adding parameters the URL did not sign: the payload hash no longer matches.</summary>
    [Fact]
    public async Task A_presigned_url_sent_as_POST_with_extra_body_parameters_is_SignatureDoesNotMatch()
    {
        var url = RawRequestSigner.Presign(Url, "Action=GetCallerIdentity&Version=2011-06-15", DateTimeOffset.UtcNow);

        var response = await SendAsync("POST", url, [("Content-Type", Encoding.ASCII.GetBytes(Form))], "DurationSeconds=900"u8.ToArray());

        ShouldBeSignatureDoesNotMatch(response);
        response.BodyText.Should().NotContain("<Arn>");
    }

    [Fact]
    public async Task A_presigned_GetCallerIdentity_url_sent_as_GET_without_a_body_returns_the_caller_identity()
    {
        var url = RawRequestSigner.Presign(Url, "Action=GetCallerIdentity&Version=2011-06-15", DateTimeOffset.UtcNow);

        var response = await SendAsync("GET", url, [], []);

        response.Status.Should().Be(200, "EKS-style tokens are presigned GetCallerIdentity URLs: {0}", response.Describe());
        var xml = XDocument.Parse(response.BodyText);
        xml.Root!.Name.LocalName.Should().Be("GetCallerIdentityResponse");
        xml.Descendants().Single(e => e.Name.LocalName == "Arn").Value.Should().Be($"arn:aws:iam::{AwsCredentials.DefaultAccountId}:root");
    }

    [Fact]
    public async Task ListRoles_in_the_signed_query_and_CreateUser_in_the_signed_body_is_refused_and_creates_no_user()
    {
        const string target = "/?Action=ListRoles&Version=2010-05-08";
        var body = CreateUser("query-and-body-actions");
        var headers = RawRequestSigner.Sign(Url, "POST", target, [("Content-Type", Encoding.ASCII.GetBytes(Form))], body, DateTimeOffset.UtcNow);

        var response = await SendAsync("POST", target, headers, body);

        response.Status.Should().BeInRange(400, 499, "two different Actions in one request are ambiguous: {0}", response.Describe());
        XDocument.Parse(response.BodyText).Root!.Name.LocalName.Should().Be("ErrorResponse");
        (await UserExistsAsync("query-and-body-actions")).Should().BeFalse();
    }

    /// <summary>A ListRoles request as a client that signs its content hash header sends it.</summary>
    private List<(string Name, byte[] Value)> CaptureListRolesWithContentHash() =>
        RawRequestSigner.Sign(Url, "POST", "/",
            [("Content-Type", Encoding.ASCII.GetBytes(Form)), ("x-amz-content-sha256", Encoding.ASCII.GetBytes(SigV4Signer.PayloadHash(ListRoles)))],
            ListRoles, DateTimeOffset.UtcNow, extraSignedHeaders: ["x-amz-content-sha256"]);

    private static byte[] CreateUser(string userName) => Encoding.ASCII.GetBytes($"Action=CreateUser&Version=2010-05-08&UserName={userName}");

    private Task<RawHttpResponse> SendAsync(string method, string target, IEnumerable<(string Name, byte[] Value)> headers, byte[] body) =>
        RawHttp.SendAsync(Url, method, Encoding.ASCII.GetBytes(target), headers, body, Timeout);

    private async Task<bool> UserExistsAsync(string userName)
    {
        var body = Encoding.ASCII.GetBytes($"Action=GetUser&Version=2010-05-08&UserName={userName}");
        var headers = RawRequestSigner.Sign(Url, "POST", "/", [("Content-Type", Encoding.ASCII.GetBytes(Form))], body, DateTimeOffset.UtcNow);
        var response = await SendAsync("POST", "/", headers, body);
        if (response.Status == 404)
        {
            return false;
        }

        response.Status.Should().Be(200, "GetUser either finds the user or answers NoSuchEntity: {0}", response.Describe());
        return true;
    }

    private static void ShouldBeSignatureDoesNotMatch(RawHttpResponse response)
    {
        response.Status.Should().Be(403, "the server answered {0}", response.Describe());
        XDocument.Parse(response.BodyText).Descendants().Single(e => e.Name.LocalName == "Code").Value.Should().Be("SignatureDoesNotMatch");
    }
}
