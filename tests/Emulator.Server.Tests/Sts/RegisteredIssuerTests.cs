using System.Net;
using System.Security.Cryptography;
using Emulator.Server.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Emulator.Server.Tests.Sts;

/// <summary>A JWKS registered for an outside issuer is state: it verifies that issuer's tokens until a reset returns to the seed.</summary>
public sealed class RegisteredIssuerTests
{
    private const string Seed = """
        {"accounts":[{"id":"123456789012","rootAccessKeyId":"AKIAIOSFODNN7EXAMPLE","rootSecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          "openIdConnectProviders":[{"Url":"https://issuer.example","ClientIDList":["sts.amazonaws.com"]}],
          "roles":[{"RoleName":"outside","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
            "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/issuer.example"},"Action":"sts:AssumeRoleWithWebIdentity"}]}}]}]}
        """;

    [Fact]
    public async Task A_token_signed_by_a_registered_key_is_accepted_until_a_reset_forgets_the_registration()
    {
        using var factory = new EmulatorFactory(Seed);
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "test-key" };
        var parameters = rsa.ExportParameters(false);
        var jwks = $$"""{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"test-key","n":"{{Base64UrlEncoder.Encode(parameters.Modulus)}}","e":"{{Base64UrlEncoder.Encode(parameters.Exponent)}}"}]}""";
        var now = DateTimeOffset.UtcNow;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://issuer.example",
            Audience = "sts.amazonaws.com",
            Subject = new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", "workload-1")]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddMinutes(10).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        var http = factory.CreateClient();

        var registered = await AdminRequest.Post("/_emulator/oidc/jwks", $$"""{"issuer":"https://issuer.example","jwks":{{jwks}}}""").SendAsync(http);
        var accepted = await factory.AssumeRoleWithWebIdentity("arn:aws:iam::123456789012:role/outside", token);
        (await AdminRequest.Post("/_emulator/reset").SendAsync(http)).Status.Should().Be(HttpStatusCode.OK);
        var afterReset = await factory.AssumeRoleWithWebIdentity("arn:aws:iam::123456789012:role/outside", token);

        registered.Status.Should().Be(HttpStatusCode.NoContent);
        accepted.Status.Should().Be(HttpStatusCode.OK);
        accepted.Value("SubjectFromWebIdentityToken").Should().Be("workload-1");
        afterReset.Status.Should().Be(HttpStatusCode.BadRequest);
        afterReset.ErrorCode.Should().Be("IDPCommunicationError");
        afterReset.ErrorMessage.Should().EndWith("(no JWKS is registered for https://issuer.example)");
    }
}
