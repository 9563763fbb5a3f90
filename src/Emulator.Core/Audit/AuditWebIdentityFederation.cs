using System.Text.Json.Serialization;

namespace Emulator.Core.Audit;

/// <summary>The identity provider behind a web-identity session (CloudTrail's webIdFederationData).</summary>
public sealed record AuditWebIdentityFederation([property: JsonPropertyName("federatedProvider")] string FederatedProvider);
