using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Emulator.Core.Store;
using Microsoft.IdentityModel.Tokens;

namespace Emulator.Core.Sts;

/// <summary>
/// The emulator's built-in OpenID Connect issuer, for testing web-identity flows (GitHub Actions,
/// EKS) without an outside identity provider: it mints RS256 ID tokens and publishes its JWKS.
/// It also resolves the JWKS users register for other issuers (kept in the store), since the emulator
/// never fetches keys from the network.
/// </summary>
public sealed class OidcIssuer
{
    public const string DefaultIssuer = "https://oidc.emulator.test";

    /// <summary>Claims the issuer sets itself; a caller's extra claims cannot replace them.</summary>
    private static readonly HashSet<string> RegisteredClaims = new(["iss", "sub", "aud", "iat", "nbf", "exp"], StringComparer.Ordinal);

    private readonly RsaSecurityKey key;
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly IEmulatorStore store;

    /// <summary>Parsed key sets by the stored JSON they came from: a changed registration is a new string, so never stale.</summary>
    private readonly ConditionalWeakTable<string, IReadOnlyList<SecurityKey>> parsed = new();

    /// <param name="privateKey">The signing key as PKCS#8 (<see cref="NewKey"/>), kept by the store so tokens verify across restarts and replicas.</param>
    public OidcIssuer(string issuer, byte[] privateKey, IEmulatorStore store)
    {
        this.store = store;
        Issuer = issuer.TrimEnd('/');
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(privateKey, out _);
        key = new RsaSecurityKey(rsa) { KeyId = SigningKeyId.Of(rsa) };
    }

    /// <summary>A new 2048-bit RSA signing key as PKCS#8.</summary>
    public static byte[] NewKey()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKey();
    }

    public string Issuer { get; }

    /// <summary>Signs an ID token for <paramref name="subject"/> with the given audience(s), extra claims and lifetime.</summary>
    public string Mint(string subject, IReadOnlyList<string> audiences, IReadOnlyDictionary<string, JsonElement> claims, TimeSpan lifetime, DateTimeOffset now)
    {
        var payload = new IdTokenPayload
        {
            Issuer = Issuer,
            Subject = subject,
            Audience = audiences.Count == 1
                ? JsonSerializer.SerializeToElement(audiences[0], StsJsonContext.Default.String)
                : JsonSerializer.SerializeToElement(audiences, StsJsonContext.Default.IReadOnlyListString),
            IssuedAt = now.ToUnixTimeSeconds(),
            NotBefore = now.ToUnixTimeSeconds(),
            Expiration = (now + lifetime).ToUnixTimeSeconds(),
            OtherClaims = claims.Where(c => !RegisteredClaims.Contains(c.Key)).ToDictionary(StringComparer.Ordinal),
        };
        return handler.CreateToken(JsonSerializer.Serialize(payload, StsJsonContext.Default.IdTokenPayload), new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
    }

    /// <summary>The public key set, as served at the JWKS endpoint.</summary>
    public string JwksJson()
    {
        var parameters = key.Rsa.ExportParameters(false);
        var keys = new PublicKeySet([new PublicKeySet.RsaKey("RSA", "sig", "RS256", key.KeyId,
            Base64UrlEncoder.Encode(parameters.Modulus), Base64UrlEncoder.Encode(parameters.Exponent))]);
        return JsonSerializer.Serialize(keys, StsJsonContext.Default.PublicKeySet);
    }

    /// <summary>Registers the JWKS of another issuer (e.g. a token minted by a test's own key).</summary>
    /// <exception cref="ArgumentException">The set holds no key, or a key that cannot verify signatures.</exception>
    public void Register(string issuer, string jwksJson)
    {
        var set = new JsonWebKeySet(jwksJson);
        if (set.Keys.Count == 0)
        {
            throw new ArgumentException("the key set has no keys.");
        }

        foreach (var jwk in set.Keys)
        {
            RequireUsable(jwk);
        }

        // Registrations are state: kept by the store (durable with --state, shared by replicas, cleared by reset).
        store.Write(state => state.OidcKeySets[issuer.TrimEnd('/')] = jwksJson);
    }

    /// <summary>An RSA key must import; other key types are refused (the issuer signs RS256 tokens).</summary>
    private static void RequireUsable(JsonWebKey jwk)
    {
        if (jwk.Kty != "RSA")
        {
            throw new ArgumentException($"key '{jwk.Kid}' has key type '{jwk.Kty}'; only RSA keys are accepted.");
        }

        try
        {
            using var rsa = RSA.Create();
            rsa.ImportParameters(new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(jwk.N), Exponent = Base64UrlEncoder.DecodeBytes(jwk.E) });
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
        {
            throw new ArgumentException($"key '{jwk.Kid}' has no usable RSA modulus and exponent.", e);
        }
    }

    /// <summary>The keys that may sign tokens of <paramref name="issuer"/>, or null when the emulator has none.</summary>
    public IReadOnlyList<SecurityKey>? KeysFor(string issuer)
    {
        var normalized = issuer.TrimEnd('/');
        if (normalized == Issuer)
        {
            return [key];
        }

        return store.Read(state => state.OidcKeySets.GetValueOrDefault(normalized)) is { } json
            ? parsed.GetValue(json, text => new JsonWebKeySet(text).GetSigningKeys().ToList())
            : null;
    }
}
