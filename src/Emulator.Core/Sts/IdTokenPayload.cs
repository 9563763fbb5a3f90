using System.Text.Json;
using System.Text.Json.Serialization;

namespace Emulator.Core.Sts;

/// <summary>
/// The claims of an ID token the built-in issuer mints: the registered ones, then whatever extra
/// claims the caller asked for (which cannot replace the registered ones).
/// </summary>
internal sealed record IdTokenPayload
{
    [JsonPropertyName("iss")] public required string Issuer { get; init; }

    [JsonPropertyName("sub")] public required string Subject { get; init; }

    /// <summary>A string for one audience, an array for several, as OIDC providers write it.</summary>
    [JsonPropertyName("aud")] public required JsonElement Audience { get; init; }

    [JsonPropertyName("iat")] public required long IssuedAt { get; init; }

    [JsonPropertyName("nbf")] public required long NotBefore { get; init; }

    [JsonPropertyName("exp")] public required long Expiration { get; init; }

    /// <summary>Settable, not init-only: System.Text.Json cannot bind extension data through a constructor.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? OtherClaims { get; set; }
}
