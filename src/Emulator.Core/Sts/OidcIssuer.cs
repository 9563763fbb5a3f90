using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Emulator.Core.Sts;

/// <summary>
/// The emulator's built-in OpenID Connect issuer, for testing web-identity flows (GitHub Actions,
/// EKS) without an outside identity provider: it mints RS256 ID tokens and publishes its JWKS.
/// It also holds the JWKS users register for other issuers, since the emulator never fetches keys
/// from the network.
/// </summary>
public sealed class OidcIssuer
{
    public const string DefaultIssuer = "https://oidc.emulator.test";

    private readonly RsaSecurityKey key;
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly ConcurrentDictionary<string, IReadOnlyList<SecurityKey>> registered = new(StringComparer.Ordinal);

    public OidcIssuer(string issuer = DefaultIssuer)
    {
        Issuer = issuer.TrimEnd('/');
        key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) };
    }

    public string Issuer { get; }

    /// <summary>Signs an ID token for <paramref name="subject"/> with the given audience(s), extra claims and lifetime.</summary>
    public string Mint(string subject, IReadOnlyList<string> audiences, IReadOnlyDictionary<string, JsonElement> claims, TimeSpan lifetime, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("iss", Issuer);
            json.WriteString("sub", subject);
            if (audiences.Count == 1)
            {
                json.WriteString("aud", audiences[0]);
            }
            else
            {
                json.WriteStartArray("aud");
                foreach (var audience in audiences)
                {
                    json.WriteStringValue(audience);
                }

                json.WriteEndArray();
            }

            json.WriteNumber("iat", now.ToUnixTimeSeconds());
            json.WriteNumber("nbf", now.ToUnixTimeSeconds());
            json.WriteNumber("exp", (now + lifetime).ToUnixTimeSeconds());
            foreach (var (name, value) in claims)
            {
                if (name is not ("iss" or "sub" or "aud" or "iat" or "nbf" or "exp"))
                {
                    json.WritePropertyName(name);
                    value.WriteTo(json);
                }
            }

            json.WriteEndObject();
        }

        return handler.CreateToken(Encoding.UTF8.GetString(buffer.ToArray()), new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
    }

    /// <summary>The public key set, as served at the JWKS endpoint.</summary>
    public string JwksJson()
    {
        var parameters = key.Rsa.ExportParameters(false);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("keys");
            json.WriteStartObject();
            json.WriteString("kty", "RSA");
            json.WriteString("use", "sig");
            json.WriteString("alg", "RS256");
            json.WriteString("kid", key.KeyId);
            json.WriteString("n", Base64UrlEncoder.Encode(parameters.Modulus));
            json.WriteString("e", Base64UrlEncoder.Encode(parameters.Exponent));
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Registers the JWKS of another issuer (e.g. a token minted by a test's own key).</summary>
    public void Register(string issuer, string jwksJson) =>
        registered[issuer.TrimEnd('/')] = new JsonWebKeySet(jwksJson).GetSigningKeys().ToList();

    /// <summary>The keys that may sign tokens of <paramref name="issuer"/>, or null when the emulator has none.</summary>
    public IReadOnlyList<SecurityKey>? KeysFor(string issuer)
    {
        var normalized = issuer.TrimEnd('/');
        return normalized == Issuer ? [key] : registered.GetValueOrDefault(normalized);
    }
}
