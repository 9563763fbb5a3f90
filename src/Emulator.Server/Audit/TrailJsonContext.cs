using System.Text.Json.Serialization;
using Emulator.Core.Audit.Generation;

namespace Emulator.Server.Audit;

/// <summary>
/// Source-generated JSON for the trail's admin endpoints. Nulls are written (CloudTrail writes
/// <c>"requestParameters": null</c>); the record types leave out the fields CloudTrail omits themselves.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TrailResponse))]
[JsonSerializable(typeof(PolicyGenerationRequest))]
[JsonSerializable(typeof(GeneratedPolicy))]
public sealed partial class TrailJsonContext : JsonSerializerContext;
