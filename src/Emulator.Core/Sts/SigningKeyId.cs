using System.Security.Cryptography;

namespace Emulator.Core.Sts;

/// <summary>
/// The key id (JWKS <c>kid</c>) of a signing key the emulator holds: derived from the public key, so the same key has
/// the same id everywhere (after a restart, on every replica).
/// </summary>
public static class SigningKeyId
{
    public static string Of(AsymmetricAlgorithm key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
}
