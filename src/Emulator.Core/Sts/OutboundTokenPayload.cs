using System.Text.Json;
using System.Text.Json.Serialization;

namespace Emulator.Core.Sts;

/// <summary>
/// The claims of a GetWebIdentityToken JWT, as the IAM User Guide's "Understanding token claims" lists
/// them: the registered OIDC claims, then AWS's own under the <c>https://sts.amazonaws.com/</c> namespace.
/// </summary>
internal sealed record OutboundTokenPayload
{
    [JsonPropertyName("iss")] public required string Issuer { get; init; }

    /// <summary>A string for one audience, an array for several.</summary>
    [JsonPropertyName("aud")] public required JsonElement Audience { get; init; }

    [JsonPropertyName("sub")] public required string Subject { get; init; }

    [JsonPropertyName("iat")] public required long IssuedAt { get; init; }

    [JsonPropertyName("exp")] public required long Expiration { get; init; }

    [JsonPropertyName("jti")] public required string TokenId { get; init; }

    [JsonPropertyName(OutboundTokenIssuer.AwsClaimsNamespace)] public required OutboundAwsClaims Aws { get; init; }
}
