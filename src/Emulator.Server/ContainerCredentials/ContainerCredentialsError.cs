using System.Text.Json.Serialization;

namespace Emulator.Server.ContainerCredentials;

/// <summary>The ECS agent's error body, keys exactly as it spells them (lower-case code and message, then HTTPErrorCode).</summary>
public sealed record ContainerCredentialsError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("HTTPErrorCode")] int HttpErrorCode)
{
    /// <summary>No token: no Authorization header (or an empty one), or no id in the path.</summary>
    public static ContainerCredentialsError NoId { get; } = new("NoIdInRequest", "CredentialsV2Request: No Credential ID in the request", 400);

    /// <summary>A token bound to nothing (never registered, removed by a reset, or its role deleted or no longer trusting).</summary>
    public static ContainerCredentialsError InvalidId { get; } = new("InvalidIdInRequest", "CredentialsV2Request: Credentials not found", 400);
}
