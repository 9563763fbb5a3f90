using System.Net;
using System.Text.Json;
using Emulator.Server.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Emulator.Server.Tests.Federation;

/// <summary>IAM's outbound identity federation switch and STS GetWebIdentityToken, verified as an outside service would.</summary>
public sealed class OutboundFederationTests
{
    private const string Seed = """
        {"accounts":[{"id":"123456789012","rootAccessKeyId":"AKIAIOSFODNN7EXAMPLE","rootSecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          "users":[{"UserName":"dev","Tags":[{"Key":"team","Value":"data"}],"AccessKeys":[{"AccessKeyId":"AKIADEVDEVDEV0000001","SecretAccessKey":"dev-secret"}],
                    "Policies":[{"PolicyName":"all","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:*"],"Resource":"*"}]}}]}],
          "roles":[{"RoleName":"worker","Tags":[{"Key":"env","Value":"prod"}],
                    "Policies":[{"PolicyName":"jwt","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:GetWebIdentityToken","Resource":"*"}]}}],
                    "AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/dev"},"Action":["sts:AssumeRole","sts:TagSession"]}]}}]}]}
        """;

    [Fact]
    public async Task Enabling_answers_an_issuer_URL_on_the_emulator_and_Get_reports_it_enabled()
    {
        using var factory = new EmulatorFactory(Seed);
        var iam = factory.Iam();

        var enabled = await iam.Call("EnableOutboundWebIdentityFederation");
        var info = await iam.Call("GetOutboundWebIdentityFederationInfo");

        enabled.Status.Should().Be(HttpStatusCode.OK);
        enabled.Value("IssuerIdentifier").Should().MatchRegex("^http://localhost/outbound-federation/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
        info.Value("IssuerIdentifier").Should().Be(enabled.Value("IssuerIdentifier"));
        info.Value("JwtVendingEnabled").Should().Be("true");
    }

    [Fact]
    public async Task Enabling_twice_is_FeatureEnabled_409_and_disabling_when_off_is_FeatureDisabled_404()
    {
        using var factory = new EmulatorFactory(Seed);
        var iam = factory.Iam();

        var neverEnabled = await iam.Call("DisableOutboundWebIdentityFederation");
        var infoWhenOff = await iam.Call("GetOutboundWebIdentityFederationInfo");
        await iam.Call("EnableOutboundWebIdentityFederation");
        var twice = await iam.Call("EnableOutboundWebIdentityFederation");

        neverEnabled.Status.Should().Be(HttpStatusCode.NotFound);
        neverEnabled.ErrorCode.Should().Be("FeatureDisabled");
        neverEnabled.ErrorMessage.Should().Be("Outbound identity federation is disabled for this account.");
        infoWhenOff.Status.Should().Be(HttpStatusCode.NotFound);
        infoWhenOff.ErrorCode.Should().Be("FeatureDisabled");
        twice.Status.Should().Be(HttpStatusCode.Conflict);
        twice.ErrorCode.Should().Be("FeatureEnabled");
        twice.ErrorMessage.Should().StartWith("Outbound identity federation is already enabled for this account.");
    }

    [Fact]
    public async Task Disabling_stops_tokens_and_the_issuer_and_enabling_again_keeps_the_same_issuer_URL()
    {
        using var factory = new EmulatorFactory(Seed);
        var iam = factory.Iam();
        var issuer = (await iam.Call("EnableOutboundWebIdentityFederation")).Value("IssuerIdentifier")!;

        var disabled = await iam.Call("DisableOutboundWebIdentityFederation");
        var token = await iam.For("sts").Call("GetWebIdentityToken", ("Audience.member.1", "https://api.example.com"), ("SigningAlgorithm", "RS256"));
        var discovery = await factory.CreateClient().GetAsync(new Uri(issuer).AbsolutePath + "/.well-known/openid-configuration");
        var again = await iam.Call("EnableOutboundWebIdentityFederation");

        disabled.Status.Should().Be(HttpStatusCode.OK);
        token.Status.Should().Be(HttpStatusCode.Forbidden);
        token.ErrorCode.Should().Be("OutboundWebIdentityFederationDisabledException");
        discovery.StatusCode.Should().Be(HttpStatusCode.NotFound);
        again.Value("IssuerIdentifier").Should().Be(issuer);
    }

    [Fact]
    public async Task GetWebIdentityToken_before_enabling_is_OutboundWebIdentityFederationDisabledException_403()
    {
        using var factory = new EmulatorFactory(Seed);

        var response = await factory.Iam().For("sts").Call("GetWebIdentityToken", ("Audience.member.1", "https://api.example.com"), ("SigningAlgorithm", "RS256"));

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.ErrorCode.Should().Be("OutboundWebIdentityFederationDisabledException");
        response.ErrorMessage.Should().Be("The outbound web identity federation feature is not enabled for this account. To use this feature, you must first enable it through the AWS Management Console or API.");
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("ES384")]
    public async Task A_users_token_verifies_against_the_JWKS_fetched_from_the_issuer_and_carries_AWSs_claims(string algorithm)
    {
        using var factory = new EmulatorFactory(Seed);
        var issuer = (await factory.Iam().Call("EnableOutboundWebIdentityFederation")).Value("IssuerIdentifier")!;
        var sts = factory.Iam("AKIADEVDEVDEV0000001", "dev-secret").For("sts");

        var response = await sts.Call("GetWebIdentityToken", ("Audience.member.1", "https://api.example.com"), ("SigningAlgorithm", algorithm),
            ("DurationSeconds", "900"), ("Tags.member.1.Key", "job"), ("Tags.member.1.Value", "nightly"));
        var (token, document) = await Verify(factory, issuer, response.Value("WebIdentityToken")!, "https://api.example.com");

        response.Status.Should().Be(HttpStatusCode.OK);
        document.GetProperty("issuer").GetString().Should().Be(issuer);
        document.GetProperty("jwks_uri").GetString().Should().Be(issuer + "/.well-known/jwks.json");
        token.Alg.Should().Be(algorithm);
        token.Issuer.Should().Be(issuer);
        token.Subject.Should().Be("arn:aws:iam::123456789012:user/dev");
        token.GetClaim("jti").Value.Should().MatchRegex("^[0-9a-f]{32}$");
        (token.ValidTo - token.IssuedAt).Should().Be(TimeSpan.FromSeconds(900));
        DateTimeOffset.Parse(response.Value("Expiration")!, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime.Should().Be(token.ValidTo);
        var aws = JsonDocument.Parse(token.GetPayloadValue<JsonElement>("https://sts.amazonaws.com/").GetRawText()).RootElement;
        aws.GetProperty("aws_account").GetString().Should().Be("123456789012");
        aws.GetProperty("source_region").GetString().Should().Be("us-east-1");
        aws.GetProperty("principal_tags").GetProperty("team").GetString().Should().Be("data");
        aws.GetProperty("request_tags").GetProperty("job").GetString().Should().Be("nightly");
    }

    [Fact]
    public async Task A_role_sessions_token_names_the_role_and_several_audiences_become_an_array()
    {
        using var factory = new EmulatorFactory(Seed);
        var iam = factory.Iam();
        var issuer = (await iam.Call("EnableOutboundWebIdentityFederation")).Value("IssuerIdentifier")!;
        var session = await factory.Iam("AKIADEVDEVDEV0000001", "dev-secret").For("sts").Call("AssumeRole", ("RoleArn", "arn:aws:iam::123456789012:role/worker"), ("RoleSessionName", "s1"),
            ("Tags.member.1.Key", "shift"), ("Tags.member.1.Value", "night"));
        var sts = iam.WithCredentials(session, "sts");

        var response = await sts.Call("GetWebIdentityToken", ("Audience.member.1", "a1"), ("Audience.member.2", "a2"), ("SigningAlgorithm", "RS256"));
        var (token, _) = await Verify(factory, issuer, response.Value("WebIdentityToken")!, "a2");

        token.Subject.Should().Be("arn:aws:iam::123456789012:role/worker");
        token.Audiences.Should().Equal("a1", "a2");
        (token.ValidTo - token.IssuedAt).Should().Be(TimeSpan.FromSeconds(300));
        var tags = token.GetPayloadValue<JsonElement>("https://sts.amazonaws.com/").GetProperty("principal_tags");
        tags.GetProperty("env").GetString().Should().Be("prod");
        tags.GetProperty("shift").GetString().Should().Be("night");
    }

    [Fact]
    public async Task A_token_outliving_the_callers_session_is_SessionDurationEscalationException()
    {
        using var factory = new EmulatorFactory(Seed);
        var iam = factory.Iam();
        await iam.Call("EnableOutboundWebIdentityFederation");
        var session = await factory.Iam("AKIADEVDEVDEV0000001", "dev-secret").For("sts").Call("AssumeRole", ("RoleArn", "arn:aws:iam::123456789012:role/worker"), ("RoleSessionName", "s1"), ("DurationSeconds", "900"));

        var response = await iam.WithCredentials(session, "sts").Call("GetWebIdentityToken", ("Audience.member.1", "a"), ("SigningAlgorithm", "RS256"), ("DurationSeconds", "3600"));

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.ErrorCode.Should().Be("SessionDurationEscalationException");
        response.ErrorMessage.Should().Be("The requested token duration would extend the session beyond its original expiration time.");
    }

    [Theory]
    [InlineData("SigningAlgorithm=RS256", "1 validation error detected: Value null at 'audience' failed to satisfy constraint: Member must not be null")]
    [InlineData("Audience.member.1=a", "1 validation error detected: Value null at 'signingAlgorithm' failed to satisfy constraint: Member must not be null")]
    [InlineData("Audience.member.1=a&SigningAlgorithm=RS256&DurationSeconds=59", "1 validation error detected: Value '59' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 60")]
    [InlineData("Audience.member.1=a&SigningAlgorithm=RS256&DurationSeconds=3601", "1 validation error detected: Value '3601' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 3600")]
    [InlineData("Audience.member.1=a&SigningAlgorithm=RS2566", "1 validation error detected: Value 'RS2566' at 'signingAlgorithm' failed to satisfy constraint: Member must have length less than or equal to 5")]
    [InlineData("Audience.member.1=a&SigningAlgorithm=HS256", "1 validation error detected: Value 'HS256' at 'signingAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [RS256, ES384]")]
    [InlineData("Audience.member.1=&SigningAlgorithm=RS256", "1 validation error detected: Value '' at 'audience.1.member' failed to satisfy constraint: Member must have length greater than or equal to 1")]
    [InlineData("Audience.member.1=a&SigningAlgorithm=RS256&Tags.member.1.Key=&Tags.member.1.Value=v", "1 validation error detected: Value '' at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1")]
    public async Task Bad_GetWebIdentityToken_input_is_ValidationError_even_before_the_feature_is_checked(string form, string message)
    {
        using var factory = new EmulatorFactory(Seed);
        var parameters = form.Split('&').Select(p => p.Split('=', 2)).Select(p => (p[0], p[1])).ToArray();

        var response = await factory.Iam().For("sts").Call("GetWebIdentityToken", parameters);

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("ValidationError");
        response.ErrorMessage.Should().Be(message);
    }

    [Fact]
    public async Task Eleven_audiences_is_ValidationError()
    {
        using var factory = new EmulatorFactory(Seed);
        await factory.Iam().Call("EnableOutboundWebIdentityFederation");
        var parameters = Enumerable.Range(1, 11).Select(i => ($"Audience.member.{i}", $"a{i}")).Append(("SigningAlgorithm", "RS256")).ToArray();

        var response = await factory.Iam().For("sts").Call("GetWebIdentityToken", parameters);

        response.ErrorCode.Should().Be("ValidationError");
        response.ErrorMessage.Should().Be("1 validation error detected: Value at 'audience' failed to satisfy constraint: Member must have length less than or equal to 10");
    }

    [Fact]
    public async Task An_unknown_issuer_has_no_discovery_document_or_keys()
    {
        using var factory = new EmulatorFactory(Seed);
        var http = factory.CreateClient();

        var discovery = await http.GetAsync("/outbound-federation/00000000-0000-0000-0000-000000000000/.well-known/openid-configuration");
        var jwks = await http.GetAsync("/outbound-federation/00000000-0000-0000-0000-000000000000/.well-known/jwks.json");

        discovery.StatusCode.Should().Be(HttpStatusCode.NotFound);
        jwks.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_token_version_preference_shows_in_the_account_summary_and_bad_values_are_ValidationError()
    {
        using var factory = new EmulatorFactory(Seed);
        var iam = factory.Iam();

        var before = await iam.Call("GetAccountSummary");
        var set = await iam.Call("SetSecurityTokenServicePreferences", ("GlobalEndpointTokenVersion", "v2Token"));
        var after = await iam.Call("GetAccountSummary");
        var bad = await iam.Call("SetSecurityTokenServicePreferences", ("GlobalEndpointTokenVersion", "v3Token"));
        var missing = await iam.Call("SetSecurityTokenServicePreferences");

        SummaryValue(before).Should().Be("1");
        set.Status.Should().Be(HttpStatusCode.OK);
        SummaryValue(after).Should().Be("2");
        bad.Status.Should().Be(HttpStatusCode.BadRequest);
        bad.ErrorCode.Should().Be("ValidationError");
        bad.ErrorMessage.Should().Be("1 validation error detected: Value at 'globalEndpointTokenVersion' failed to satisfy constraint: Member must satisfy enum value set: [v1Token, v2Token]");
        missing.ErrorMessage.Should().Be("1 validation error detected: Value null at 'globalEndpointTokenVersion' failed to satisfy constraint: Member must not be null");
    }

    private static string? SummaryValue(IamResponse summary) =>
        summary.All("entry").FirstOrDefault(e => e.Elements().First().Value == "GlobalEndpointTokenVersion")?.Elements().Last().Value;

    /// <summary>What an outside verifier does: fetch the discovery document from the issuer, then its JWKS, then check the token.</summary>
    private static async Task<(JsonWebToken Token, JsonElement Discovery)> Verify(EmulatorFactory factory, string issuer, string jwt, string audience)
    {
        var http = factory.CreateClient();
        var discovery = JsonDocument.Parse(await http.GetStringAsync(new Uri(issuer).AbsolutePath + "/.well-known/openid-configuration")).RootElement;
        var keys = new JsonWebKeySet(await http.GetStringAsync(new Uri(discovery.GetProperty("jwks_uri").GetString()!).AbsolutePath));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = audience,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidateLifetime = true,
        });
        result.Exception.Should().BeNull();
        result.IsValid.Should().BeTrue();
        return ((JsonWebToken)result.SecurityToken, discovery);
    }
}
