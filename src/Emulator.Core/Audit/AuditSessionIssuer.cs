using System.Text.Json.Serialization;

namespace Emulator.Core.Audit;

/// <summary>The identity that issued a session: a <c>Role</c> for role sessions, the <c>IAMUser</c> (or <c>Root</c>) behind a federation token.</summary>
public sealed record AuditSessionIssuer(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("principalId")] string? PrincipalId,
    [property: JsonPropertyName("arn")] string Arn,
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("userName")] string? UserName);
