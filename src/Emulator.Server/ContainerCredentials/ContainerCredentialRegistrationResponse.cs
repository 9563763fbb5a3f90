namespace Emulator.Server.ContainerCredentials;

/// <summary>
/// A registered binding, without the token (the caller has it; answers and logs never repeat a secret), and
/// the URL to put in AWS_CONTAINER_CREDENTIALS_FULL_URI.
/// </summary>
public sealed record ContainerCredentialRegistrationResponse(
    string RoleArn,
    string SessionName,
    IReadOnlyDictionary<string, string> SessionTags,
    DateTimeOffset RegisteredAt,
    string FullUri);
