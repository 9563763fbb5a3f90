using Emulator.Core.Iam.OutboundFederation;
using Emulator.Server.Hosting;

namespace Emulator.Server.Admin;

/// <summary>
/// The public face of each account's outbound issuer: its OpenID discovery document and JWKS at
/// <c>/outbound-federation/{id}/.well-known/…</c>, the two endpoints AWS documents for an issuer URL.
/// They sit outside /_emulator because external verifiers fetch them without the admin token, as
/// they fetch AWS's. An unknown or disabled issuer is 404.
/// </summary>
public static class OutboundFederationEndpoints
{
    public static void MapOutboundFederation(this IEndpointRouteBuilder app)
    {
        const string root = OutboundFederationOperations.PathPrefix + "{issuerId}/.well-known/";
        app.MapGet(root + "openid-configuration", (string issuerId, EmulatorRuntime runtime) =>
            runtime.Iam.OutboundFederation.FindIssuer(issuerId) is { } found
                ? Results.Json(new OpenIdConfiguration(found.Federation.IssuerIdentifier, found.Federation.IssuerIdentifier + "/.well-known/jwks.json",
                    ["id_token"], ["public"], ["RS256", "ES384"], ["iss", "sub", "aud", "iat", "exp", "jti", "https://sts.amazonaws.com/"]),
                    AdminJsonContext.Default.OpenIdConfiguration)
                : Results.NotFound());
        app.MapGet(root + "jwks.json", (string issuerId, EmulatorRuntime runtime) =>
            runtime.Iam.OutboundFederation.FindIssuer(issuerId) is { } owner
                ? Results.Text(runtime.OutboundTokens.JwksJson(owner.AccountId), "application/json")
                : Results.NotFound());
    }
}
