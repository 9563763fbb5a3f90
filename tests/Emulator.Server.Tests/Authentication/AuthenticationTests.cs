using System.Net;
using System.Text;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Authentication;

public sealed class AuthenticationTests : IClassFixture<AuthenticationTests.Factory>
{
    private const string Seed = """
        {"accounts":[
          {"id":"111111111111","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAA1","rootSecretAccessKey":"secret-one",
           "users":[{"UserName":"alice","AccessKeys":[{"AccessKeyId":"AKIAALICEALICE000001","SecretAccessKey":"alice-secret","Status":"Inactive"}]}]},
          {"id":"222222222222","rootAccessKeyId":"AKIABBBBBBBBBBBBBBB2","rootSecretAccessKey":"secret-two"}]}
        """;

    private readonly Factory factory;

    public AuthenticationTests(Factory factory) => this.factory = factory;

    public sealed class Factory() : EmulatorFactory(Seed);

    [Fact]
    public async Task A_request_signed_with_a_seeded_root_key_is_accepted()
    {
        var response = await factory.Iam("AKIAAAAAAAAAAAAAAAA1", "secret-one").Call("ListRoles");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Element("ListRolesResult").Should().NotBeNull();
        response.Value("IsTruncated").Should().Be("false");
    }

    [Fact]
    public async Task An_unknown_access_key_is_InvalidClientTokenId()
    {
        var response = await factory.Iam("AKIAUNKNOWNUNKNOWN00", "whatever").Call("ListRoles");

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.ErrorCode.Should().Be("InvalidClientTokenId");
        response.ErrorMessage.Should().Be("The security token included in the request is invalid.");
        response.ErrorType.Should().Be("Sender");
    }

    [Fact]
    public async Task A_wrong_secret_is_SignatureDoesNotMatch()
    {
        var response = await factory.Iam("AKIAAAAAAAAAAAAAAAA1", "not-the-secret").Call("ListRoles");

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.ErrorCode.Should().Be("SignatureDoesNotMatch");
        response.ErrorMessage.Should().StartWith("The request signature we calculated does not match the signature you provided.");
    }

    [Fact]
    public async Task An_inactive_key_is_InvalidClientTokenId()
    {
        var response = await factory.Iam("AKIAALICEALICE000001", "alice-secret").Call("ListRoles");

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.ErrorCode.Should().Be("InvalidClientTokenId");
    }

    [Fact]
    public async Task A_request_signed_more_than_15_minutes_ago_has_expired()
    {
        var signedAt = DateTimeOffset.UtcNow.AddMinutes(-20);

        var response = await factory.Iam("AKIAAAAAAAAAAAAAAAA1", "secret-one").Send("ListRoles", [], signedAt);

        response.ErrorCode.Should().Be("SignatureDoesNotMatch");
        response.ErrorMessage.Should().MatchRegex(@"^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$");
    }

    [Fact]
    public async Task A_request_signed_more_than_15_minutes_ahead_is_not_yet_current()
    {
        var response = await factory.Iam("AKIAAAAAAAAAAAAAAAA1", "secret-one").Send("ListRoles", [], DateTimeOffset.UtcNow.AddMinutes(20));

        response.ErrorCode.Should().Be("SignatureDoesNotMatch");
        response.ErrorMessage.Should().MatchRegex(@"^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 15 min\.\)$");
    }

    [Fact]
    public async Task A_request_without_any_signature_is_MissingAuthenticationToken()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent("Action=ListRoles&Version=2010-05-08", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };

        var response = await factory.Iam().SendRaw(request);

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.ErrorCode.Should().Be("MissingAuthenticationToken");
        response.ErrorMessage.Should().Be("Request is missing Authentication Token");
    }

    [Fact]
    public async Task An_authorization_header_without_equal_signs_is_IncompleteSignature()
    {
        var response = await factory.Iam("AKIAAAAAAAAAAAAAAAA1", "secret-one").Send("ListRoles", [], DateTimeOffset.UtcNow, request =>
        {
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 garbage");
        });

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("IncompleteSignature");
        response.ErrorMessage.Should().Be("'garbage' not a valid key=value pair (missing equal-sign) in Authorization header: 'AWS4-HMAC-SHA256 garbage'.");
    }

    [Fact]
    public async Task A_tampered_body_no_longer_matches_its_signature()
    {
        var response = await factory.Iam("AKIAAAAAAAAAAAAAAAA1", "secret-one").Send("ListRoles", [], DateTimeOffset.UtcNow, request =>
        {
            request.Content = new StringContent("Action=ListUsers&Version=2010-05-08");
            request.Content.Headers.Remove("Content-Type");
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        });

        response.ErrorCode.Should().Be("SignatureDoesNotMatch");
    }

    [Fact]
    public async Task A_scope_for_a_service_the_emulator_does_not_serve_names_it_and_the_served_ones()
    {
        var client = new IamTestClient(factory.CreateClient(), "AKIAAAAAAAAAAAAAAAA1", "secret-one") { Service = "s3" };

        var response = await client.Call("ListRoles");

        response.Status.Should().Be(System.Net.HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("UnknownService");
        response.ErrorMessage.Should().Be("The emulator does not serve the service 's3' named by the request's credential scope. It serves: iam, sts, ec2.");
    }

    [Fact]
    public async Task Any_region_is_accepted_but_the_signature_uses_the_region_the_client_signed_with()
    {
        var client = new IamTestClient(factory.CreateClient(), "AKIAAAAAAAAAAAAAAAA1", "secret-one") { Region = "eu-west-3" };

        var response = await client.Call("ListRoles");

        response.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Accounts_are_isolated_from_each_other()
    {
        var one = factory.Iam("AKIAAAAAAAAAAAAAAAA1", "secret-one");
        var two = factory.Iam("AKIABBBBBBBBBBBBBBB2", "secret-two");
        var name = $"isolated-{Guid.NewGuid():N}"[..30];

        var created = await one.Call("CreateRole", ("RoleName", name), ("AssumeRolePolicyDocument", Documents.Ec2Trust));
        var fromOtherAccount = await two.Call("GetRole", ("RoleName", name));

        created.Value("Arn").Should().Be($"arn:aws:iam::111111111111:role/{name}");
        fromOtherAccount.ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task An_unknown_action_is_InvalidAction()
    {
        var response = await factory.Iam("AKIAAAAAAAAAAAAAAAA1", "secret-one").Call("MakeCoffee");

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("InvalidAction");
        response.ErrorMessage.Should().Be("Could not find operation MakeCoffee for version 2010-05-08");
    }
}
