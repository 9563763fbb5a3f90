using System.Text.Json.Serialization;

namespace Emulator.Server.ContainerCredentials;

/// <summary>
/// Source-generated JSON for the container credential endpoint and its admin call. Unknown request fields
/// are refused, so a misspelt "sessionTag" is a 400 rather than a binding without tags.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ContainerCredentialsResponse))]
[JsonSerializable(typeof(ContainerCredentialsError))]
[JsonSerializable(typeof(ContainerCredentialRegistrationRequest))]
[JsonSerializable(typeof(ContainerCredentialRegistrationResponse))]
public sealed partial class ContainerCredentialJsonContext : JsonSerializerContext;
