namespace Emulator.Server.Imds;

/// <summary>A live instance as <c>GET /_emulator/instances</c> lists it, with where its metadata is served.</summary>
public sealed record InstanceSummary(
    string InstanceId,
    string AccountId,
    string Region,
    string State,
    string PrivateIpAddress,
    string? RoleName,
    string ImdsEndpoint,
    int? ImdsPort,
    string? ImdsPortEndpoint,
    bool IsDefault);
