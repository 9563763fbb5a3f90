namespace Emulator.Server.ContainerCredentials;

/// <summary>POST /_emulator/container-credentials: bind <see cref="Token"/> to a role, optionally with a session name and session tags.</summary>
public sealed record ContainerCredentialRegistrationRequest(string? Token, string? RoleArn, string? SessionName, Dictionary<string, string>? SessionTags);
