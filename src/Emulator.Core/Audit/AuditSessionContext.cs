using System.Text.Json.Serialization;

namespace Emulator.Core.Audit;

/// <summary>The sessionContext of a call made with temporary credentials: who issued them, when, and how an instance got them.</summary>
public sealed record AuditSessionContext
{
    [JsonPropertyName("sessionIssuer")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AuditSessionIssuer? SessionIssuer { get; init; }

    /// <summary>Web-identity sessions: the OIDC provider (CloudTrail's webIdFederationData).</summary>
    [JsonPropertyName("webIdFederationData")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AuditWebIdentityFederation? WebIdFederationData { get; init; }

    [JsonPropertyName("attributes")]
    public required AuditSessionAttributes Attributes { get; init; }

    [JsonPropertyName("sourceIdentity")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SourceIdentity { get; init; }

    /// <summary>Instance-role sessions: <c>1.0</c> for credentials read with IMDSv1, <c>2.0</c> with IMDSv2.</summary>
    [JsonPropertyName("ec2RoleDelivery")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Ec2RoleDelivery { get; init; }
}
