using System.Text.Json;
using System.Text.Json.Serialization;

namespace Emulator.Core.Audit;

/// <summary>
/// One AWS API call as a CloudTrail record (event version 1.08): who called, what, from where, with which
/// parameters, and how it ended. The names are CloudTrail's exactly, so tools that read CloudTrail log files
/// read these too; fields CloudTrail leaves out of successful events (errorCode, errorMessage) are left out here.
/// </summary>
public sealed record AuditEvent
{
    public const string Version = "1.08";

    [JsonPropertyName("eventVersion")]
    public string EventVersion { get; init; } = Version;

    [JsonPropertyName("userIdentity")]
    public required AuditUserIdentity UserIdentity { get; init; }

    /// <summary>The emulator clock, ISO-8601 in whole seconds as CloudTrail writes it (2026-01-02T03:04:05Z).</summary>
    [JsonPropertyName("eventTime")]
    public required string EventTime { get; init; }

    [JsonPropertyName("eventSource")]
    public required string EventSource { get; init; }

    [JsonPropertyName("eventName")]
    public required string EventName { get; init; }

    [JsonPropertyName("awsRegion")]
    public required string AwsRegion { get; init; }

    [JsonPropertyName("sourceIPAddress")]
    public string? SourceIpAddress { get; init; }

    [JsonPropertyName("userAgent")]
    public string? UserAgent { get; init; }

    [JsonPropertyName("errorCode")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ErrorCode { get; init; }

    [JsonPropertyName("errorMessage")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ErrorMessage { get; init; }

    /// <summary>The decoded parameters in CloudTrail's camelCase, lists as arrays; null when the call had none. Secrets never appear.</summary>
    [JsonPropertyName("requestParameters")]
    public JsonElement? RequestParameters { get; init; }

    /// <summary>Null for read-only calls and failures, as CloudTrail; otherwise the answer's members without secrets.</summary>
    [JsonPropertyName("responseElements")]
    public JsonElement? ResponseElements { get; init; }

    [JsonPropertyName("requestID")]
    public required string RequestId { get; init; }

    [JsonPropertyName("eventID")]
    public required string EventId { get; init; }

    [JsonPropertyName("readOnly")]
    public bool ReadOnly { get; init; }

    /// <summary>The resources the call was authorized on (no patterns such as <c>*</c>); CloudTrail's resources field.</summary>
    [JsonPropertyName("resources")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AuditResource>? Resources { get; init; }

    [JsonPropertyName("eventType")]
    public string EventType { get; init; } = "AwsApiCall";

    [JsonPropertyName("managementEvent")]
    public bool ManagementEvent { get; init; } = true;

    [JsonPropertyName("recipientAccountId")]
    public required string RecipientAccountId { get; init; }
}
