using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Emulator.Core.Iam.Tags;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Emulator.Core.Sts;

/// <summary>
/// Session tokens are JWTs signed (HMAC-SHA256) and encrypted (AES-256-CBC/HMAC-SHA-512) with keys
/// derived from one master key. A second emulator with the same key accepts the same tokens; a
/// token that was altered, or minted with another key, is simply not a session.
/// </summary>
public sealed class SessionTokenCodec
{
    private const string Issuer = "urn:emulator:sts";
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials signing;
    private readonly EncryptingCredentials encrypting;
    private readonly TokenValidationParameters validation;

    public SessionTokenCodec(byte[] masterKey)
    {
        var signingKey = new SymmetricSecurityKey(Derive(masterKey, "session-token-signing", 32));
        var encryptionKey = new SymmetricSecurityKey(Derive(masterKey, "session-token-encryption", 64));
        signing = new SigningCredentials(signingKey, SecurityAlgorithms.HmacSha256);
        encrypting = new EncryptingCredentials(encryptionKey, "dir", SecurityAlgorithms.Aes256CbcHmacSha512);
        validation = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidateAudience = false,
            ValidateLifetime = false, // expiry is checked against the emulator clock, which users can move
            IssuerSigningKey = signingKey,
            TokenDecryptionKey = encryptionKey,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
        };
    }

    public string Encode(Session session) => handler.CreateToken(Payload(session), signing, encrypting);

    /// <summary>The session inside a token, or null when the token is not one this key minted.</summary>
    public async Task<Session?> DecodeAsync(string token)
    {
        if (token.Length is 0 or > 16384)
        {
            return null;
        }

        var result = await handler.ValidateTokenAsync(token, validation).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken { InnerToken: { } inner })
        {
            return null;
        }

        try
        {
            return Parse(Base64UrlEncoder.DecodeBytes(inner.EncodedPayload));
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static byte[] Derive(byte[] masterKey, string purpose, int length) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, length, info: Encoding.UTF8.GetBytes(purpose));

    private static string Payload(Session session)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("iss", Issuer);
            json.WriteString("k", session.Kind.ToString());
            json.WriteString("a", session.AccountId);
            json.WriteString("id", session.AccessKeyId);
            json.WriteString("sk", session.SecretAccessKey);
            json.WriteNumber("iat", session.IssuedAt.ToUnixTimeSeconds());
            json.WriteNumber("exp", session.Expiration.ToUnixTimeSeconds());
            WriteOptional(json, "role", session.RoleArn);
            WriteOptional(json, "rid", session.RoleId);
            WriteOptional(json, "rn", session.RoleName);
            WriteOptional(json, "sn", session.SessionName);
            WriteOptional(json, "un", session.UserName);
            WriteOptional(json, "uid", session.UserId);
            WriteOptional(json, "uarn", session.UserArn);
            WriteOptional(json, "fn", session.FederatedName);
            WriteOptional(json, "si", session.SourceIdentity);
            WriteOptional(json, "sp", session.InlinePolicy);
            WriteOptional(json, "prov", session.FederatedProvider);
            WriteOptional(json, "ec2", session.SourceInstanceArn);
            json.WriteBoolean("ch", session.IsChained);
            json.WriteBoolean("mfa", session.MultiFactorAuthenticated);
            json.WriteStartArray("tags");
            foreach (var tag in session.Tags)
            {
                json.WriteStartArray();
                json.WriteStringValue(tag.Key);
                json.WriteStringValue(tag.Value);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            WriteStrings(json, "tt", session.TransitiveTagKeys);
            WriteStrings(json, "spa", session.PolicyArns);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Session Parse(byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        string? Optional(string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;
        return new Session
        {
            Kind = Enum.Parse<SessionKind>(root.GetProperty("k").GetString()!),
            AccountId = root.GetProperty("a").GetString()!,
            AccessKeyId = root.GetProperty("id").GetString()!,
            SecretAccessKey = root.GetProperty("sk").GetString()!,
            IssuedAt = DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("iat").GetInt64()),
            Expiration = DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64()),
            RoleArn = Optional("role"),
            RoleId = Optional("rid"),
            RoleName = Optional("rn"),
            SessionName = Optional("sn"),
            UserName = Optional("un"),
            UserId = Optional("uid"),
            UserArn = Optional("uarn"),
            FederatedName = Optional("fn"),
            SourceIdentity = Optional("si"),
            InlinePolicy = Optional("sp"),
            FederatedProvider = Optional("prov"),
            SourceInstanceArn = Optional("ec2"),
            IsChained = root.GetProperty("ch").GetBoolean(),
            MultiFactorAuthenticated = root.GetProperty("mfa").GetBoolean(),
            Tags = root.GetProperty("tags").EnumerateArray().Select(t => new Tag(t[0].GetString()!, t[1].GetString()!)).ToList(),
            TransitiveTagKeys = root.GetProperty("tt").EnumerateArray().Select(t => t.GetString()!).ToList(),
            PolicyArns = root.GetProperty("spa").EnumerateArray().Select(t => t.GetString()!).ToList(),
        };
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
