using System.Text.Json.Serialization;

namespace Emulator.Core.Sts;

/// <summary>
/// Source-generated JSON for what STS writes into tokens and messages: no reflection, so the
/// server can be published Native AOT and the shapes are checked at compile time.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SessionTokenPayload))]
[JsonSerializable(typeof(DecodedAuthorizationMessage))]
[JsonSerializable(typeof(IdTokenPayload))]
[JsonSerializable(typeof(PublicKeySet))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class StsJsonContext : JsonSerializerContext;
