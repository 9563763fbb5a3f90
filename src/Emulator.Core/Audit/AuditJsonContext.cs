using System.Text.Json.Serialization;

namespace Emulator.Core.Audit;

/// <summary>
/// Source-generated JSON for trail records: the JSON-lines file writes <see cref="AuditEvent"/>, a durable
/// trail can store whole <see cref="AuditRecord"/>s. Property names are fixed on the types (CloudTrail's).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AuditEvent))]
[JsonSerializable(typeof(AuditRecord))]
public sealed partial class AuditJsonContext : JsonSerializerContext;
