using System.Globalization;
using Emulator.Core.Errors;
using Emulator.Core.Iam.OpenIdConnect;
using Emulator.Core.Store;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Emulator.Core.Sts;

/// <summary>
/// AssumeRoleWithWebIdentity's token checks, in AWS's order: a JWT, an IAM OIDC provider for its
/// issuer in the role's account, an audience among the provider's client ids, a valid signature
/// (built-in issuer or a registered JWKS), not expired by the emulator clock.
/// </summary>
public sealed class WebIdentityVerifier(IEmulatorStore store, OidcIssuer issuers, TimeProvider clock)
{
    private readonly JsonWebTokenHandler handler = new();

    public async Task<(WebIdentityToken Token, OpenIdConnectProvider Provider)> VerifyAsync(string token, string roleAccountId)
    {
        JsonWebToken jwt;
        try
        {
            jwt = handler.ReadJsonWebToken(token);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            throw Invalid("The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)");
        }

        var issuer = jwt.Issuer ?? "";
        var url = issuer.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? issuer["https://".Length..].TrimEnd('/') : issuer.TrimEnd('/');
        var provider = store.Read(state => state.Accounts.TryGetValue(roleAccountId, out var account)
            ? account.OpenIdConnectProviders.Values.FirstOrDefault(p => p.Url == url)
            : null) ?? throw Invalid($"No OpenIDConnect provider found in your account for {issuer}");

        var audiences = jwt.Audiences.ToList();
        if (!audiences.Any(provider.ClientIds.Contains))
        {
            throw Invalid("Incorrect token audience");
        }

        var keys = issuers.KeysFor(issuer)
            ?? throw new AwsError("IDPCommunicationError", $"Couldn't retrieve verification key from your identity provider, please reference AssumeRoleWithWebIdentity documentation for requirements (no JWKS is registered for {issuer})", 400).ToException();
        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidateAudience = false,
            ValidateLifetime = false, // checked below against the emulator clock
            IssuerSigningKeys = keys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
                SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512],
        }).ConfigureAwait(false);
        if (!result.IsValid)
        {
            throw Invalid("The web identity token signature could not be verified.");
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (!jwt.TryGetPayloadValue<long>("exp", out var expires) || now >= expires)
        {
            throw new AwsError("ExpiredTokenException",
                $"Token expired: current date/time {now.ToString(CultureInfo.InvariantCulture)} must be before the expiration date/time{expires.ToString(CultureInfo.InvariantCulture)}", 400).ToException();
        }

        jwt.TryGetPayloadValue<string>("amr", out var amr);
        jwt.TryGetPayloadValue<string>("https://aws.amazon.com/source_identity", out var sourceIdentity);
        return (new WebIdentityToken(issuer, jwt.Subject ?? "", audiences, amr, sourceIdentity), provider);
    }

    private static AwsException Invalid(string message) => new AwsError("InvalidIdentityToken", message, 400).ToException();
}
