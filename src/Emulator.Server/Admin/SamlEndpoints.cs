using System.Text.Json;
using Emulator.Core.Saml;
using Emulator.Server.Hosting;
using static Emulator.Server.Admin.AdminResponses;

namespace Emulator.Server.Admin;

/// <summary>
/// The built-in SAML identity provider's admin API: its metadata (to register with
/// CreateSAMLProvider) and signed SAML responses for AssumeRoleWithSAML.
/// </summary>
public static class SamlEndpoints
{
    private const int MaxLifetimeSeconds = 43200;

    public static void MapSaml(this IEndpointRouteBuilder app)
    {
        app.MapGet("/_emulator/saml/metadata", (HttpContext http, EmulatorRuntime runtime) => Results.Text(
            runtime.Saml.Metadata($"{http.Request.Scheme}://{http.Request.Host}/_emulator/saml/assertion"), "application/samlmetadata+xml"));

        app.MapPost("/_emulator/saml/assertion", async (HttpContext http, EmulatorRuntime runtime) =>
        {
            const string usage = "Give at least {\"subject\": \"...\", \"roles\": [\"arn:aws:iam::<account>:role/<name>,arn:aws:iam::<account>:saml-provider/<name>\"]}; "
                + "optional: roleSessionName (default the subject; \"\" leaves it out), attributes (object of strings or arrays of strings), sessionDuration (900 to 43200), "
                + $"audience and recipient (default {SamlAttributes.SignInEndpoint}), nameIdFormat (default {SamlAttributes.PersistentFormat}), lifetimeSeconds (1 to 43200, default 300).";
            var (request, unreadable) = await ReadJsonAsync(http, AdminJsonContext.Default.SamlAssertionMintRequest);
            if (unreadable is not null)
            {
                return Error($"{usage} The body could not be read: {unreadable}");
            }

            if (request is null || string.IsNullOrEmpty(request.Subject))
            {
                return Error(usage);
            }

            var roles = request.Roles ?? [];
            if (roles.FirstOrDefault(r => r.Split(',').Length != 2) is { } badRole)
            {
                return Error($"each role must be \"role ARN,SAML provider ARN\", not '{badRole}'.");
            }

            if (Attributes(request.Attributes) is not { } attributes)
            {
                return Error("attributes must be an object whose values are strings or arrays of strings.");
            }

            // AWS reads SessionDuration from 900 to 43200 seconds.
            if (request.SessionDuration is < 900 or > 43200)
            {
                return Error($"sessionDuration must be from 900 to 43200, not {request.SessionDuration}.");
            }

            if (request.LifetimeSeconds is < 1 or > MaxLifetimeSeconds)
            {
                return Error($"lifetimeSeconds must be from 1 to {MaxLifetimeSeconds}, not {request.LifetimeSeconds}.");
            }

            var lifetime = TimeSpan.FromSeconds(request.LifetimeSeconds ?? 300);
            var now = runtime.Clock.GetUtcNow();
            var minted = runtime.Saml.Mint(new SamlAssertionRequest(
                request.Subject,
                string.IsNullOrEmpty(request.NameIdFormat) ? SamlAttributes.PersistentFormat : request.NameIdFormat,
                roles,
                request.RoleSessionName is "" ? null : request.RoleSessionName ?? request.Subject,
                attributes,
                request.SessionDuration,
                string.IsNullOrEmpty(request.Audience) ? SamlAttributes.SignInEndpoint : request.Audience,
                string.IsNullOrEmpty(request.Recipient) ? SamlAttributes.SignInEndpoint : request.Recipient,
                lifetime), now);
            return Results.Json(new SamlAssertionMintResponse(minted, runtime.Saml.EntityId, now + lifetime), AdminJsonContext.Default.SamlAssertionMintResponse);
        });
    }

    /// <summary>The attributes as lists of values; null when a value is neither a string nor an array of strings.</summary>
    private static Dictionary<string, IReadOnlyList<string>>? Attributes(Dictionary<string, JsonElement>? attributes)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in attributes ?? [])
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    result[name] = [value.GetString()!];
                    break;
                case JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String):
                    result[name] = value.EnumerateArray().Select(v => v.GetString()!).ToList();
                    break;
                default:
                    return null;
            }
        }

        return result;
    }
}
