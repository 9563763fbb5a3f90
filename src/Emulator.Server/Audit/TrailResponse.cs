using System.Text.Json.Serialization;
using Emulator.Core.Audit;

namespace Emulator.Server.Audit;

/// <summary>The answer of <c>GET /_emulator/trail</c>, in the shape of a CloudTrail log file.</summary>
public sealed record TrailResponse([property: JsonPropertyName("Records")] IReadOnlyList<AuditEvent> Records);
