using System.Text.Json.Serialization;

namespace Emulator.Core.Audit;

/// <summary>When the session's credentials were issued, and whether with MFA (CloudTrail writes the flag as text).</summary>
public sealed record AuditSessionAttributes(
    [property: JsonPropertyName("creationDate")] string CreationDate,
    [property: JsonPropertyName("mfaAuthenticated")] string MfaAuthenticated);
