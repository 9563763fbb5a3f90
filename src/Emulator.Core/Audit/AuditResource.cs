using System.Text.Json.Serialization;

namespace Emulator.Core.Audit;

/// <summary>One entry of CloudTrail's resources field: a resource the call was authorized on.</summary>
public sealed record AuditResource(
    [property: JsonPropertyName("ARN")] string Arn,
    [property: JsonPropertyName("accountId")] string? AccountId,
    [property: JsonPropertyName("type")] string? Type);
