using System.Text.Json.Serialization;

namespace Emulator.Core.Sts;

/// <summary>Source-generated JSON for outbound tokens and the outbound issuers' key sets.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OutboundTokenPayload))]
[JsonSerializable(typeof(OutboundKeySet))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class OutboundJsonContext : JsonSerializerContext;
