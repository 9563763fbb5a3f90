using System.Text.Json.Serialization;

namespace Emulator.Server.ContainerCredentials;

/// <summary>
/// The EKS Pod Identity agent's answer, exactly its five keys. botocore, the JS SDK and the .NET SDK all
/// read it (the ECS agent's shape differs only by RoleArn instead of AccountId, which they ignore), and
/// botocore takes the account id from it.
/// </summary>
public sealed record ContainerCredentialsResponse(
    [property: JsonPropertyName("AccessKeyId")] string AccessKeyId,
    [property: JsonPropertyName("SecretAccessKey")] string SecretAccessKey,
    [property: JsonPropertyName("Token")] string Token,
    [property: JsonPropertyName("AccountId")] string AccountId,
    [property: JsonPropertyName("Expiration")] string Expiration);
