using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Emulator.Core.Errors;
using Microsoft.IdentityModel.Tokens;

namespace Emulator.Core.Sts;

/// <summary>
/// Encodes authorization failures the way AWS hands them out: opaque to the caller, readable only
/// through sts:DecodeAuthorizationMessage. The message is AES-256-GCM encrypted with a key derived
/// from the emulator's master key and base64url-encoded.
/// </summary>
public sealed class AuthorizationMessageCodec(byte[] masterKey)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] key = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "authorization-messages"u8.ToArray());

    public string Encode(AuthorizationFailure failure)
    {
        var plain = Encoding.UTF8.GetBytes(DecodedJson(failure));
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length, TagSize));
        return Base64UrlEncoder.Encode(output);
    }

    /// <summary>The decoded JSON string; anything this emulator did not encode is InvalidAuthorizationMessageException.</summary>
    public string Decode(string encoded)
    {
        try
        {
            var bytes = Base64UrlEncoder.DecodeBytes(encoded);
            if (bytes.Length < NonceSize + TagSize)
            {
                throw Invalid();
            }

            var plain = new byte[bytes.Length - NonceSize - TagSize];
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize, plain.Length), bytes.AsSpan(NonceSize + plain.Length), plain);
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
        {
            throw Invalid();
        }
    }

    private static AwsException Invalid() =>
        new AwsError("InvalidAuthorizationMessageException", "The encoded authorization message is invalid.", 400).ToException();

    private static string DecodedJson(AuthorizationFailure failure) =>
        JsonSerializer.Serialize(DecodedAuthorizationMessage.From(failure), StsJsonContext.Default.DecodedAuthorizationMessage);
}
