using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Emulator.Core.Authorization;
using Emulator.Core.Errors;
using Emulator.Core.Iam;
using Emulator.Core.Iam.OutboundFederation;
using Emulator.Core.Iam.Tags;
using Emulator.Core.Iam.Validation;
using Emulator.Core.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Emulator.Core.Sts;

/// <summary>
/// STS GetWebIdentityToken and the per-account issuers behind it (outbound identity federation). Each
/// account has its own signing keys, one RSA (RS256) and one P-384 (ES384), kept by the store like the
/// built-in OIDC issuer's key, so tokens verify across restarts with --state and on every replica.
/// Rests on the STS API reference (limits, defaults, errors) and the IAM User Guide's "Understanding
/// token claims" (the claim set and the https://sts.amazonaws.com/ namespace).
/// </summary>
public sealed class OutboundTokenIssuer(IamContext context, OutboundFederationOperations federation)
{
    public const string AwsClaimsNamespace = "https://sts.amazonaws.com/";
    public const int DefaultDurationSeconds = 300;
    public const string Rs256 = "RS256";
    public const string Es384 = "ES384";

    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly PolicyResolver principals = new(context.Store);

    /// <summary>Keys by account: made (or loaded) once per process, since generating an RSA key is slow.</summary>
    private readonly ConcurrentDictionary<string, SigningKeys> keys = new(StringComparer.Ordinal);

    /// <summary>Validates, checks the feature is on and the session lasts long enough, then signs the token.</summary>
    public IssuedWebIdentityToken GetWebIdentityToken(Principal caller, WebIdentityTokenRequest request, string region)
    {
        Validate(request);
        var settings = federation.Enabled(caller.AccountId) ?? throw new AwsError("OutboundWebIdentityFederationDisabledException",
            "The outbound web identity federation feature is not enabled for this account. To use this feature, you must first enable it through the AWS Management Console or API.", 403).ToException();
        var now = context.Now();
        var duration = TimeSpan.FromSeconds(request.DurationSeconds ?? DefaultDurationSeconds);
        var expiration = now + duration;
        if (caller.Session is { } session && expiration > session.Expiration)
        {
            throw new AwsError("SessionDurationEscalationException",
                "The requested token duration would extend the session beyond its original expiration time.", 403).ToException();
        }

        var payload = new OutboundTokenPayload
        {
            Issuer = settings.IssuerIdentifier,
            Audience = request.Audience.Count == 1
                ? JsonSerializer.SerializeToElement(request.Audience[0], OutboundJsonContext.Default.String)
                : JsonSerializer.SerializeToElement(request.Audience, OutboundJsonContext.Default.IReadOnlyListString),
            Subject = SubjectOf(caller),
            IssuedAt = now.ToUnixTimeSeconds(),
            Expiration = expiration.ToUnixTimeSeconds(),
            TokenId = context.Ids.Hex(32),
            Aws = new OutboundAwsClaims
            {
                AwsAccount = caller.AccountId,
                SourceRegion = region,
                PrincipalTags = AsClaims(PrincipalTags(caller)),
                RequestTags = AsClaims(request.Tags),
            },
        };
        var signing = KeysOf(caller.AccountId);
        var credentials = request.SigningAlgorithm == Es384
            ? new SigningCredentials(signing.Ec, SecurityAlgorithms.EcdsaSha384)
            : new SigningCredentials(signing.Rsa, SecurityAlgorithms.RsaSha256);
        var token = handler.CreateToken(JsonSerializer.Serialize(payload, OutboundJsonContext.Default.OutboundTokenPayload), credentials);
        return new IssuedWebIdentityToken(token, DateTimeOffset.FromUnixTimeSeconds(payload.Expiration));
    }

    /// <summary>The public keys of an account's issuer, as its JWKS endpoint serves them.</summary>
    public string JwksJson(string accountId)
    {
        var signing = KeysOf(accountId);
        var rsa = signing.Rsa.Rsa.ExportParameters(false);
        var ec = signing.Ec.ECDsa.ExportParameters(false);
        var set = new OutboundKeySet(
        [
            new("RSA", "sig", Rs256, signing.Rsa.KeyId, Modulus: Base64UrlEncoder.Encode(rsa.Modulus), Exponent: Base64UrlEncoder.Encode(rsa.Exponent)),
            new("EC", "sig", Es384, signing.Ec.KeyId, Curve: "P-384", X: Base64UrlEncoder.Encode(ec.Q.X), Y: Base64UrlEncoder.Encode(ec.Q.Y)),
        ]);
        return JsonSerializer.Serialize(set, OutboundJsonContext.Default.OutboundKeySet);
    }

    private static void Validate(WebIdentityTokenRequest request)
    {
        // STS quotes the offending value; list members are named audience.N.member, as the query protocol sends them.
        var validator = ParameterValidator.ForSts();
        if (request.Audience.Count == 0)
        {
            validator.Required("audience", null);
        }

        validator.Check(request.Audience.Count <= 10, "audience", "Member must have length less than or equal to 10");
        for (var i = 0; i < request.Audience.Count; i++)
        {
            validator.Length($"audience.{i + 1}.member", request.Audience[i], 1, 1000);
        }

        validator.Range("durationSeconds", request.DurationSeconds, 60, 3600)
            .Required("signingAlgorithm", request.SigningAlgorithm).Length("signingAlgorithm", request.SigningAlgorithm, 5, 5);
        validator.ThrowIfInvalid();
        // Five characters, but only the two algorithms the API reference names sign tokens.
        ParameterValidator.ForSts().OneOf("signingAlgorithm", request.SigningAlgorithm, Rs256, Es384).ThrowIfInvalid();
        TagRules.ValidateSessionTags(ParameterValidator.ForSts(), request.Tags);
    }

    /// <summary>
    /// The token's subject: the caller's ARN. For a role session it is the role's ARN, as the User Guide's
    /// sample token shows (sub: arn:aws:iam::123456789012:role/DataProcessingRole).
    /// </summary>
    private static string SubjectOf(Principal caller) =>
        caller.Session is { Kind: SessionKind.AssumedRole, RoleArn: { } roleArn } ? roleArn : caller.Arn;

    /// <summary>The caller's principal tags exactly as authorization reads them for aws:PrincipalTag (a user's tags, a session's tags).</summary>
    private IReadOnlyList<Tag> PrincipalTags(Principal caller) => principals.ForPrincipal(caller).Tags;

    private static Dictionary<string, string>? AsClaims(IReadOnlyList<Tag> tags) =>
        tags.Count == 0 ? null : tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);

    private SigningKeys KeysOf(string accountId) => keys.GetOrAdd(accountId, id =>
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(context.Store.Key($"outbound-federation-rs256-{id}", OidcIssuer.NewKey), out _);
        var ec = ECDsa.Create();
        ec.ImportPkcs8PrivateKey(context.Store.Key($"outbound-federation-es384-{id}", () =>
        {
            using var created = ECDsa.Create(ECCurve.NamedCurves.nistP384);
            return created.ExportPkcs8PrivateKey();
        }), out _);
        return new SigningKeys(new RsaSecurityKey(rsa) { KeyId = SigningKeyId.Of(rsa) }, new ECDsaSecurityKey(ec) { KeyId = SigningKeyId.Of(ec) });
    });

    private sealed record SigningKeys(RsaSecurityKey Rsa, ECDsaSecurityKey Ec);
}
