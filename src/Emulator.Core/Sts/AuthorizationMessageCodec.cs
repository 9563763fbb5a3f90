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

    /// <summary>The shape AWS's decoded messages have (allowed, explicitDeny, matchedStatements, failures, context).</summary>
    private static string DecodedJson(AuthorizationFailure failure)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteBoolean("allowed", failure.Allowed);
            json.WriteBoolean("explicitDeny", failure.ExplicitDeny);
            json.WriteStartObject("matchedStatements");
            json.WriteStartArray("items");
            foreach (var statement in failure.MatchedStatements)
            {
                json.WriteStartObject();
                json.WriteString("statementId", statement);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("failures");
            json.WriteStartArray("items");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("context");
            json.WriteStartObject("principal");
            json.WriteString("id", failure.PrincipalId);
            if (failure.PrincipalName is not null)
            {
                json.WriteString("name", failure.PrincipalName);
            }

            json.WriteString("arn", failure.PrincipalArn);
            json.WriteEndObject();
            json.WriteString("action", failure.Action);
            json.WriteString("resource", failure.Resource);
            json.WriteStartObject("conditions");
            json.WriteStartArray("items");
            foreach (var (conditionKey, values) in failure.Conditions)
            {
                json.WriteStartObject();
                json.WriteString("key", conditionKey);
                json.WriteStartObject("values");
                json.WriteStartArray("items");
                foreach (var value in values)
                {
                    json.WriteStartObject();
                    json.WriteString("value", value);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
