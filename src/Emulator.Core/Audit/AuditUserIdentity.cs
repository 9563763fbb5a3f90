using System.Text.Json.Serialization;

namespace Emulator.Core.Audit;

/// <summary>
/// CloudTrail's userIdentity: <c>Root</c>, <c>IAMUser</c>, <c>AssumedRole</c>, <c>FederatedUser</c>,
/// <c>WebIdentityUser</c>, <c>SAMLUser</c>, or <c>Unknown</c> when the caller could not be authenticated.
/// </summary>
public sealed record AuditUserIdentity
{
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("principalId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PrincipalId { get; init; }

    [JsonPropertyName("arn")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Arn { get; init; }

    [JsonPropertyName("accountId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AccountId { get; init; }

    [JsonPropertyName("accessKeyId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AccessKeyId { get; init; }

    /// <summary>IAM users (and a web identity's subject); CloudTrail gives roles' names only in the session issuer.</summary>
    [JsonPropertyName("userName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UserName { get; init; }

    /// <summary>WebIdentityUser: the OIDC provider's issuer host; SAMLUser: the assertion's NameQualifier.</summary>
    [JsonPropertyName("identityProvider")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IdentityProvider { get; init; }

    [JsonPropertyName("sessionContext")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AuditSessionContext? SessionContext { get; init; }
}
