using System.Text.Json.Serialization;

namespace Emulator.Core.Sts;

/// <summary>An outbound issuer's JWKS: one RSA key (RS256) and one P-384 key (ES384).</summary>
internal sealed record OutboundKeySet([property: JsonPropertyName("keys")] IReadOnlyList<OutboundKeySet.Key> Keys)
{
    /// <summary>A public JWK; RSA keys carry n and e, EC keys crv, x and y.</summary>
    internal sealed record Key(
        [property: JsonPropertyName("kty")] string KeyType,
        [property: JsonPropertyName("use")] string Use,
        [property: JsonPropertyName("alg")] string Algorithm,
        [property: JsonPropertyName("kid")] string KeyId,
        [property: JsonPropertyName("n")] string? Modulus = null,
        [property: JsonPropertyName("e")] string? Exponent = null,
        [property: JsonPropertyName("crv")] string? Curve = null,
        [property: JsonPropertyName("x")] string? X = null,
        [property: JsonPropertyName("y")] string? Y = null);
}
