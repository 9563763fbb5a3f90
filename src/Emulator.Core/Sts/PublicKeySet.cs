using System.Text.Json.Serialization;

namespace Emulator.Core.Sts;

/// <summary>The JWKS the built-in issuer publishes: its one RSA signing key, public part only.</summary>
internal sealed record PublicKeySet(IReadOnlyList<PublicKeySet.RsaKey> Keys)
{
    internal sealed record RsaKey(
        [property: JsonPropertyName("kty")] string KeyType,
        [property: JsonPropertyName("use")] string Use,
        [property: JsonPropertyName("alg")] string Algorithm,
        [property: JsonPropertyName("kid")] string KeyId,
        [property: JsonPropertyName("n")] string Modulus,
        [property: JsonPropertyName("e")] string Exponent);
}
