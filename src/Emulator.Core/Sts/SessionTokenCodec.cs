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

    private static string Payload(Session session) => JsonSerializer.Serialize(new SessionTokenPayload
    {
        Issuer = Issuer,
        Kind = session.Kind,
        AccountId = session.AccountId,
        Partition = session.Partition == Emulator.Policy.AwsPartitions.Aws ? null : session.Partition,
        AccessKeyId = session.AccessKeyId,
        SecretAccessKey = session.SecretAccessKey,
        IssuedAt = session.IssuedAt.ToUnixTimeSeconds(),
        Expiration = session.Expiration.ToUnixTimeSeconds(),
        RoleArn = session.RoleArn,
        RoleId = session.RoleId,
        RoleName = session.RoleName,
        SessionName = session.SessionName,
        UserName = session.UserName,
        UserId = session.UserId,
        UserArn = session.UserArn,
        FederatedName = session.FederatedName,
        SourceIdentity = session.SourceIdentity,
        InlinePolicy = session.InlinePolicy,
        FederatedProvider = session.FederatedProvider,
        SourceInstanceArn = session.SourceInstanceArn,
        RoleDelivery = session.RoleDelivery,
        SourceVpc = session.SourceVpc,
        SourcePrivateIp = session.SourcePrivateIp,
        IsChained = session.IsChained,
        MultiFactorAuthenticated = session.MultiFactorAuthenticated,
        MultiFactorAuthTime = session.MultiFactorAuthTime?.ToUnixTimeSeconds(),
        Tags = [.. session.Tags.Select(t => new[] { t.Key, t.Value })],
        TransitiveTagKeys = session.TransitiveTagKeys,
        PolicyArns = session.PolicyArns,
    }, StsJsonContext.Default.SessionTokenPayload);

    /// <summary>A missing required claim is a <see cref="JsonException"/>; a malformed tag pair an <see cref="InvalidOperationException"/>.</summary>
    private static Session Parse(byte[] bytes)
    {
        var payload = JsonSerializer.Deserialize(bytes, StsJsonContext.Default.SessionTokenPayload)
            ?? throw new JsonException("The session token payload is null.");
        return new Session
        {
            Kind = payload.Kind,
            AccountId = payload.AccountId,
            Partition = payload.Partition ?? Emulator.Policy.AwsPartitions.Aws,
            AccessKeyId = payload.AccessKeyId,
            SecretAccessKey = payload.SecretAccessKey,
            IssuedAt = DateTimeOffset.FromUnixTimeSeconds(payload.IssuedAt),
            Expiration = DateTimeOffset.FromUnixTimeSeconds(payload.Expiration),
            RoleArn = payload.RoleArn,
            RoleId = payload.RoleId,
            RoleName = payload.RoleName,
            SessionName = payload.SessionName,
            UserName = payload.UserName,
            UserId = payload.UserId,
            UserArn = payload.UserArn,
            FederatedName = payload.FederatedName,
            SourceIdentity = payload.SourceIdentity,
            InlinePolicy = payload.InlinePolicy,
            FederatedProvider = payload.FederatedProvider,
            SourceInstanceArn = payload.SourceInstanceArn,
            RoleDelivery = payload.RoleDelivery,
            SourceVpc = payload.SourceVpc,
            SourcePrivateIp = payload.SourcePrivateIp,
            IsChained = payload.IsChained,
            MultiFactorAuthenticated = payload.MultiFactorAuthenticated,
            MultiFactorAuthTime = payload.MultiFactorAuthTime is { } mfaTime ? DateTimeOffset.FromUnixTimeSeconds(mfaTime) : null,
            Tags = [.. payload.Tags.Select(t => t is [var key, var value] ? new Tag(key, value) : throw new InvalidOperationException("A session tag is not a [key, value] pair."))],
            TransitiveTagKeys = payload.TransitiveTagKeys,
            PolicyArns = payload.PolicyArns,
        };
    }
}
