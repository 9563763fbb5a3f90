using System.Text.Json.Serialization;

namespace Emulator.Core.Seeding;

/// <summary>
/// Source-generated JSON for the built-in default seed, which goes through the same loader as a
/// seed file. Seed files themselves are read with JsonDocument, field by field, so every error can
/// name its location.
/// </summary>
[JsonSerializable(typeof(Dictionary<string, List<Dictionary<string, string>>>))]
internal sealed partial class SeedJsonContext : JsonSerializerContext;
