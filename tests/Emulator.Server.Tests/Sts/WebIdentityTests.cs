using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Sts;

public sealed class WebIdentityTests : IClassFixture<WebIdentityTests.Factory>
{
    private const string Seed = """
        {"accounts":[{"id":"123456789012","rootAccessKeyId":"AKIAIOSFODNN7EXAMPLE","rootSecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          "openIdConnectProviders":[{"Url":"https://oidc.emulator.test","ClientIDList":["sts.amazonaws.com"]}],
          "roles":[{"RoleName":"deploy","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
            "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/oidc.emulator.test"},"Action":"sts:AssumeRoleWithWebIdentity",
            "Condition":{"StringLike":{"oidc.emulator.test:sub":"repo:acme/*"},"StringEquals":{"oidc.emulator.test:aud":"sts.amazonaws.com"}}}]},
            "AttachedPolicies":["arn:aws:iam::aws:policy/IAMReadOnlyAccess"]}]},
         {"id":"210987654321","rootAccessKeyId":"AKIAOTHERACCOUNT0001","rootSecretAccessKey":"other",
          "roles":[{"RoleName":"elsewhere","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::210987654321:oidc-provider/oidc.emulator.test"},"Action":"sts:AssumeRoleWithWebIdentity"}]}}]}]}
        """;

    private readonly Factory factory;

    public WebIdentityTests(Factory factory) => this.factory = factory;

    public sealed class Factory() : EmulatorFactory(Seed);

    private Task<string> Mint(object request) => factory.MintOidcToken(request);

    private Task<IamResponse> AssumeWithToken(string token, string role = "arn:aws:iam::123456789012:role/deploy") =>
        factory.AssumeRoleWithWebIdentity(role, token);

    [Fact]
    public async Task A_token_from_the_built_in_issuer_matching_the_trust_conditions_gets_credentials()
    {
        var token = await Mint(new { subject = "repo:acme/app:ref:refs/heads/main" });

        var response = await AssumeWithToken(token);
        var identity = await factory.Iam().WithCredentials(response, "sts").Call("GetCallerIdentity");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Value("SubjectFromWebIdentityToken").Should().Be("repo:acme/app:ref:refs/heads/main");
        response.Value("Audience").Should().Be("sts.amazonaws.com");
        response.Value("Provider").Should().Be("arn:aws:iam::123456789012:oidc-provider/oidc.emulator.test");
        response.Value("Arn").Should().Be("arn:aws:sts::123456789012:assumed-role/deploy/ci");
        identity.Value("Arn").Should().Be("arn:aws:sts::123456789012:assumed-role/deploy/ci");
    }

    [Fact]
    public async Task A_malformed_RoleArn_is_ValidationError_is_invalid_before_the_token_is_read()
    {
        var response = await AssumeWithToken(await Mint(new { subject = "repo:acme/app" }), "nothing-valid-in-here");

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("ValidationError");
        response.ErrorMessage.Should().Be("nothing-valid-in-here is invalid");
    }

    [Fact]
    public async Task A_subject_outside_the_trust_condition_is_denied()
    {
        var response = await AssumeWithToken(await Mint(new { subject = "repo:evil/app" }));

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.ErrorCode.Should().Be("AccessDenied");
        response.ErrorMessage.Should().Be("Not authorized to perform sts:AssumeRoleWithWebIdentity");
    }

    [Fact]
    public async Task A_token_for_another_audience_is_InvalidIdentityToken()
    {
        var response = await AssumeWithToken(await Mint(new { subject = "repo:acme/app", audience = "someone-else" }));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("InvalidIdentityToken");
        response.ErrorMessage.Should().Be("Incorrect token audience");
    }

    [Fact]
    public async Task Without_an_OIDC_provider_in_the_roles_account_the_token_is_refused()
    {
        var response = await AssumeWithToken(await Mint(new { subject = "repo:acme/app" }), "arn:aws:iam::210987654321:role/elsewhere");

        response.ErrorCode.Should().Be("InvalidIdentityToken");
        response.ErrorMessage.Should().Be("No OpenIDConnect provider found in your account for https://oidc.emulator.test");
    }

    [Fact]
    public async Task An_expired_token_is_ExpiredTokenException()
    {
        var token = await Mint(new { subject = "repo:acme/app", lifetimeSeconds = 60 });
        var http = factory.CreateClient();
        await http.PostAsJsonAsync("/_emulator/clock", new { offsetSeconds = 120 });

        var response = await AssumeWithToken(token);
        await http.PostAsJsonAsync("/_emulator/clock", new { reset = true });

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("ExpiredTokenException");
        response.ErrorMessage.Should().StartWith("Token expired: current date/time ");
    }

    [Fact]
    public async Task A_token_that_is_not_a_JWT_or_has_a_forged_signature_is_InvalidIdentityToken()
    {
        var genuine = await Mint(new { subject = "repo:acme/app" });
        var parts = genuine.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}";

        (await AssumeWithToken("not-a-jwt")).ErrorCode.Should().Be("InvalidIdentityToken");
        (await AssumeWithToken(forged)).ErrorCode.Should().Be("InvalidIdentityToken");
    }

    [Fact]
    public async Task The_issuer_publishes_its_discovery_document_and_keys()
    {
        var http = factory.CreateClient();

        var discovery = await http.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        var jwks = await http.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json");

        discovery.GetProperty("issuer").GetString().Should().Be("https://oidc.emulator.test");
        discovery.GetProperty("jwks_uri").GetString().Should().EndWith("/.well-known/jwks.json");
        var key = jwks.GetProperty("keys").EnumerateArray().Single();
        key.GetProperty("kty").GetString().Should().Be("RSA");
        key.GetProperty("alg").GetString().Should().Be("RS256");
    }

    [Fact]
    public async Task Minting_without_a_subject_is_400()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/_emulator/oidc/token", new { audience = "x" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
