using System.Text.Json;
using Emulator.Server.Hosting;

namespace Emulator.Server.Admin;

/// <summary>
/// The built-in OIDC issuer's public face (discovery document and JWKS) and its admin API: mint ID
/// tokens for tests, and register the JWKS of other issuers whose tokens should be accepted.
/// </summary>
public static class OidcEndpoints
{
    public static void MapOidc(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/openid-configuration", (HttpContext http, EmulatorRuntime runtime) => Results.Json(
            new OpenIdConfiguration(runtime.Oidc.Issuer, $"{http.Request.Scheme}://{http.Request.Host}/.well-known/jwks.json", ["id_token"], ["public"], ["RS256"], ["sub", "aud", "iss", "exp", "iat"]),
            AdminJsonContext.Default.OpenIdConfiguration));
        app.MapGet("/.well-known/jwks.json", (EmulatorRuntime runtime) => Results.Text(runtime.Oidc.JwksJson(), "application/json"));

        app.MapPost("/_emulator/oidc/token", async (HttpContext http, EmulatorRuntime runtime) =>
        {
            var request = await Read(http, AdminJsonContext.Default.OidcTokenRequest);
            if (request is null || string.IsNullOrEmpty(request.Subject))
            {
                return Error("Give at least {\"subject\": \"...\"}; optional: audience (string or array, default sts.amazonaws.com), claims (object), lifetimeSeconds (default 3600).");
            }

            var audiences = request.Audience switch
            {
                { ValueKind: JsonValueKind.String } single => [single.GetString()!],
                { ValueKind: JsonValueKind.Array } many => many.EnumerateArray().Select(a => a.GetString() ?? "").ToList(),
                _ => new List<string> { "sts.amazonaws.com" },
            };
            var lifetime = TimeSpan.FromSeconds(request.LifetimeSeconds ?? 3600);
            var now = runtime.Clock.GetUtcNow();
            var token = runtime.Oidc.Mint(request.Subject, audiences, request.Claims ?? [], lifetime, now);
            return Results.Json(new OidcTokenResponse(token, runtime.Oidc.Issuer, now + lifetime), AdminJsonContext.Default.OidcTokenResponse);
        });

        app.MapPost("/_emulator/oidc/jwks", async (HttpContext http, EmulatorRuntime runtime) =>
        {
            var request = await Read(http, AdminJsonContext.Default.OidcJwksRequest);
            if (request is null || string.IsNullOrEmpty(request.Issuer) || request.Jwks.ValueKind != JsonValueKind.Object)
            {
                return Error("Give {\"issuer\": \"https://...\", \"jwks\": {\"keys\": [...]}}.");
            }

            try
            {
                runtime.Oidc.Register(request.Issuer, request.Jwks.GetRawText());
            }
            catch (ArgumentException e)
            {
                return Error($"The JWKS could not be read: {e.Message}");
            }

            return Results.NoContent();
        });
    }

    private static async Task<T?> Read<T>(HttpContext http, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(http.Request.Body, type);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static IResult Error(string message) =>
        Results.Json(new AdminError(message), AdminJsonContext.Default.AdminError, statusCode: 400);
}
