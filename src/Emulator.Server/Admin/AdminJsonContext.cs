using System.Text.Json;
using System.Text.Json.Serialization;

namespace Emulator.Server.Admin;

/// <summary>Source-generated JSON for the admin API (keeps the server Native-AOT friendly).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ClockRequest))]
[JsonSerializable(typeof(ClockResponse))]
[JsonSerializable(typeof(AdminError))]
[JsonSerializable(typeof(IReadOnlyList<Emulator.Server.Authorization.DecisionRecord>))]
[JsonSerializable(typeof(ModelResponse))]
[JsonSerializable(typeof(OidcTokenRequest))]
[JsonSerializable(typeof(OidcTokenResponse))]
[JsonSerializable(typeof(OidcJwksRequest))]
[JsonSerializable(typeof(OpenIdConfiguration))]
[JsonSerializable(typeof(SamlAssertionMintRequest))]
[JsonSerializable(typeof(SamlAssertionMintResponse))]
[JsonSerializable(typeof(IReadOnlyList<Emulator.Server.Imds.InstanceSummary>))]
[JsonSerializable(typeof(Emulator.Server.Imds.DefaultInstanceRequest))]
public sealed partial class AdminJsonContext : JsonSerializerContext;

public sealed record HealthResponse(string Status, IReadOnlyList<string> Accounts, string Authentication, DateTimeOffset Now);

/// <summary>Move the clock by <see cref="OffsetSeconds"/>, or to <see cref="Time"/>, or back to real time with <see cref="Reset"/>.</summary>
public sealed record ClockRequest(double? OffsetSeconds, DateTimeOffset? Time, bool? Reset);

public sealed record ClockResponse(DateTimeOffset Now, double OffsetSeconds);

public sealed record AdminError(string Error);

/// <summary>What the emulator models: the actions it serves per service, the condition operators and the condition keys it populates.</summary>
public sealed record ModelResponse(IReadOnlyDictionary<string, IReadOnlyList<string>> Actions, IReadOnlyList<string> ConditionOperators, IReadOnlyList<string> ConditionKeys);

/// <summary>Mint an ID token from the built-in issuer.</summary>
public sealed record OidcTokenRequest(string? Subject, JsonElement? Audience, Dictionary<string, JsonElement>? Claims, int? LifetimeSeconds);

public sealed record OidcTokenResponse(string Token, string Issuer, DateTimeOffset Expiration);

/// <summary>Trust tokens of another issuer, verified with this key set.</summary>
public sealed record OidcJwksRequest(string? Issuer, JsonElement Jwks);

/// <summary>Sign a SAML response with the built-in identity provider.</summary>
/// <param name="Roles">Values of the AWS Role attribute, each "role ARN,SAML provider ARN".</param>
/// <param name="RoleSessionName">Defaults to the subject; an empty string leaves the attribute out.</param>
/// <param name="Attributes">More attributes by name, each a string or an array of strings.</param>
public sealed record SamlAssertionMintRequest(
    string? Subject,
    IReadOnlyList<string>? Roles,
    string? RoleSessionName,
    Dictionary<string, JsonElement>? Attributes,
    int? SessionDuration,
    string? Audience,
    string? Recipient,
    string? NameIdFormat,
    int? LifetimeSeconds);

/// <summary>The base64 SAML response to pass as AssumeRoleWithSAML's SAMLAssertion.</summary>
public sealed record SamlAssertionMintResponse(string SamlResponse, string Issuer, DateTimeOffset Expiration);

/// <summary>The OIDC discovery document.</summary>
public sealed record OpenIdConfiguration(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("jwks_uri")] string JwksUri,
    [property: JsonPropertyName("response_types_supported")] IReadOnlyList<string> ResponseTypesSupported,
    [property: JsonPropertyName("subject_types_supported")] IReadOnlyList<string> SubjectTypesSupported,
    [property: JsonPropertyName("id_token_signing_alg_values_supported")] IReadOnlyList<string> IdTokenSigningAlgValuesSupported,
    [property: JsonPropertyName("claims_supported")] IReadOnlyList<string> ClaimsSupported);
