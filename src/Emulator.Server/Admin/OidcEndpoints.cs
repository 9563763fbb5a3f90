using System.Text.Json;
using Emulator.Server.Hosting;
using static Emulator.Server.Admin.AdminResponses;

namespace Emulator.Server.Admin;

/// <summary>
/// The built-in OIDC issuer's public face (discovery document and JWKS) and its admin API: mint ID
/// tokens for tests, and register the JWKS of other issuers whose tokens should be accepted.
/// </summary>
public static class OidcEndpoints
{
    private const int MaxLifetimeSeconds = 43200;

    public static void MapOidc(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/openid-configuration", (HttpContext http, EmulatorRuntime runtime) => Results.Json(
            new OpenIdConfiguration(runtime.Oidc.Issuer, $"{http.Request.Scheme}://{http.Request.Host}/.well-known/jwks.json", ["id_token"], ["public"], ["RS256"], ["sub", "aud", "iss", "exp", "iat"]),
            AdminJsonContext.Default.OpenIdConfiguration));
        app.MapGet("/.well-known/jwks.json", (EmulatorRuntime runtime) => Results.Text(runtime.Oidc.JwksJson(), "application/json"));

        app.MapPost("/_emulator/oidc/token", async (HttpContext http, EmulatorRuntime runtime) =>
        {
            const string usage = "Give at least {\"subject\": \"...\"}; optional: audience (string or array of strings, default sts.amazonaws.com), claims (object), lifetimeSeconds (1 to 43200, default 3600).";
            var (request, unreadable) = await ReadJsonAsync(http, AdminJsonContext.Default.OidcTokenRequest);
            if (unreadable is not null)
            {
                return Error($"{usage} The body could not be read: {unreadable}");
            }

            if (request is null || string.IsNullOrEmpty(request.Subject))
            {
                return Error(usage);
            }

            if (Audiences(request.Audience) is not { } audiences)
            {
                return Error("audience must be a non-empty string or a non-empty array of non-empty strings.");
            }

            // 12 hours: the longest session AssumeRoleWithWebIdentity grants, and no real ID token lives longer.
            if (request.LifetimeSeconds is < 1 or > MaxLifetimeSeconds)
            {
                return Error($"lifetimeSeconds must be from 1 to {MaxLifetimeSeconds}, not {request.LifetimeSeconds}.");
            }

            var lifetime = TimeSpan.FromSeconds(request.LifetimeSeconds ?? 3600);
            var now = runtime.Clock.GetUtcNow();
            var token = runtime.Oidc.Mint(request.Subject, audiences, request.Claims ?? [], lifetime, now);
            return Results.Json(new OidcTokenResponse(token, runtime.Oidc.Issuer, now + lifetime), AdminJsonContext.Default.OidcTokenResponse);
        });

        app.MapPost("/_emulator/oidc/jwks", async (HttpContext http, EmulatorRuntime runtime) =>
        {
            const string usage = "Give {\"issuer\": \"https://...\", \"jwks\": {\"keys\": [...]}}.";
            var (request, unreadable) = await ReadJsonAsync(http, AdminJsonContext.Default.OidcJwksRequest);
            if (unreadable is not null)
            {
                return Error($"{usage} The body could not be read: {unreadable}");
            }

            if (request is null || string.IsNullOrEmpty(request.Issuer) || request.Jwks.ValueKind != JsonValueKind.Object)
            {
                return Error(usage);
            }

            // Token issuers are https URLs (AWS requires it of OIDC providers); anything else could never match a token's iss.
            if (!Uri.TryCreate(request.Issuer, UriKind.Absolute, out var issuer) || issuer.Scheme != Uri.UriSchemeHttps)
            {
                return Error($"issuer must be an https URL, like https://token.actions.githubusercontent.com, not '{request.Issuer}'.");
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

    /// <summary>The audience as a list, defaulting to STS; null when it is neither a string nor an array of strings.</summary>
    private static List<string>? Audiences(JsonElement? audience)
    {
        switch (audience)
        {
            case null or { ValueKind: JsonValueKind.Null }:
                return ["sts.amazonaws.com"];
            case { ValueKind: JsonValueKind.String } single when single.GetString() is { Length: > 0 } value:
                return [value];
            case { ValueKind: JsonValueKind.Array } many when many.GetArrayLength() > 0
                && many.EnumerateArray().All(a => a.ValueKind == JsonValueKind.String && a.GetString()!.Length > 0):
                return many.EnumerateArray().Select(a => a.GetString()!).ToList();
            default:
                return null;
        }
    }
}
