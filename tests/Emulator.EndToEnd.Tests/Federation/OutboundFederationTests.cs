using System.Text.Json;
using Emulator.EndToEnd.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Emulator.EndToEnd.Tests.Federation;

/// <summary>
/// Outbound identity federation through boto3 and the AWS CLI, verified as an outside service would: the
/// discovery document and JWKS are fetched over HTTP from the issuer URL IAM reported. Each test has its
/// own emulator, since the feature is an account-wide switch.
/// </summary>
public sealed class OutboundFederationTests
{
    [Fact]
    public async Task A_boto3_token_verifies_against_the_keys_served_at_the_issuer_URL_for_both_algorithms()
    {
        using var emulator = await EmulatorProcess.StartAsync();

        var result = (await emulator.Boto3().RunAsync("""
            sts = client("sts")
            before = error_of(sts.get_web_identity_token, Audience=["https://api.example.com"], SigningAlgorithm="RS256")
            issuer = iam.enable_outbound_web_identity_federation()["IssuerIdentifier"]
            info = iam.get_outbound_web_identity_federation_info()
            tokens = {}
            for algorithm in ["RS256", "ES384"]:
                answer = sts.get_web_identity_token(Audience=["https://api.example.com"], SigningAlgorithm=algorithm, DurationSeconds=120,
                                                    Tags=[{"Key": "job", "Value": "build-7"}])
                tokens[algorithm] = answer["WebIdentityToken"]
            emit({"before": before, "issuer": issuer, "info": {"IssuerIdentifier": info["IssuerIdentifier"], "JwtVendingEnabled": info["JwtVendingEnabled"]},
                  "tokens": tokens})
            """)).ShouldSucceed().Json;

        var issuer = result.Text("issuer");
        result.At("before").Text("Code").Should().Be("OutboundWebIdentityFederationDisabledException");
        result.At("before").At("Status").GetInt32().Should().Be(403);
        issuer.Should().StartWith(emulator.Url + "/outbound-federation/");
        result.At("info").Text("IssuerIdentifier").Should().Be(issuer);
        result.At("info").At("JwtVendingEnabled").GetBoolean().Should().BeTrue();
        using var http = new HttpClient();
        var discovery = JsonDocument.Parse(await http.GetStringAsync(issuer + "/.well-known/openid-configuration")).RootElement;
        discovery.Text("issuer").Should().Be(issuer);
        var keys = new JsonWebKeySet(await http.GetStringAsync(discovery.Text("jwks_uri")));
        foreach (var algorithm in new[] { "RS256", "ES384" })
        {
            var validated = await new JsonWebTokenHandler().ValidateTokenAsync(result.At("tokens").Text(algorithm), new TokenValidationParameters
            {
                ValidIssuer = issuer,
                ValidAudience = "https://api.example.com",
                IssuerSigningKeys = keys.GetSigningKeys(),
            });
            validated.IsValid.Should().BeTrue(validated.Exception?.Message);
            var token = (JsonWebToken)validated.SecurityToken;
            token.Alg.Should().Be(algorithm);
            token.Subject.Should().Be("arn:aws:iam::123456789012:root");
            (token.ValidTo - token.IssuedAt).Should().Be(TimeSpan.FromSeconds(120));
            var aws = token.GetPayloadValue<JsonElement>("https://sts.amazonaws.com/");
            aws.Text("aws_account").Should().Be("123456789012");
            aws.At("request_tags").Text("job").Should().Be("build-7");
        }
    }

    [Fact]
    public async Task The_CLI_enables_gets_a_token_and_disables_and_the_issuer_then_serves_nothing()
    {
        using var emulator = await EmulatorProcess.StartAsync();
        var aws = emulator.Cli();

        var issuer = (await aws.RunAsync("iam", "enable-outbound-web-identity-federation")).ShouldSucceed().Json.Text("IssuerIdentifier");
        var twice = (await aws.RunAsync("iam", "enable-outbound-web-identity-federation")).ShouldFailWith("FeatureEnabled");
        var token = (await aws.RunAsync("sts", "get-web-identity-token", "--audience", "aud-1", "aud-2", "--signing-algorithm", "ES384"))
            .ShouldSucceed().Json;
        (await aws.RunAsync("iam", "disable-outbound-web-identity-federation")).ShouldSucceed();
        var after = (await aws.RunAsync("sts", "get-web-identity-token", "--audience", "aud-1", "--signing-algorithm", "RS256"))
            .ShouldFailWith("OutboundWebIdentityFederationDisabledException");
        var info = (await aws.RunAsync("iam", "get-outbound-web-identity-federation-info")).ShouldFailWith("FeatureDisabled");
        using var http = new HttpClient();
        var discovery = await http.GetAsync(issuer + "/.well-known/openid-configuration");

        twice.Message.Should().StartWith("Outbound identity federation is already enabled");
        new JsonWebToken(token.Text("WebIdentityToken")).Audiences.Should().Equal("aud-1", "aud-2");
        token.Text("Expiration").Should().NotBeEmpty();
        after.Message.Should().StartWith("The outbound web identity federation feature is not enabled for this account.");
        info.Message.Should().Be("Outbound identity federation is disabled for this account.");
        discovery.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_CLI_sets_the_token_version_and_the_account_summary_reports_it()
    {
        using var emulator = await EmulatorProcess.StartAsync();
        var aws = emulator.Cli();

        var before = (await aws.RunAsync("iam", "get-account-summary")).ShouldSucceed().Json.At("SummaryMap").At("GlobalEndpointTokenVersion").GetInt32();
        (await aws.RunAsync("iam", "set-security-token-service-preferences", "--global-endpoint-token-version", "v2Token")).ShouldSucceed();
        var after = (await aws.RunAsync("iam", "get-account-summary")).ShouldSucceed().Json.At("SummaryMap").At("GlobalEndpointTokenVersion").GetInt32();

        before.Should().Be(1);
        after.Should().Be(2);
    }
}
