namespace Emulator.Server.Imds;

/// <summary><c>POST /_emulator/instances/default</c>: the instance <c>/latest/…</c> on the main port serves; null clears the mark.</summary>
public sealed record DefaultInstanceRequest(string? InstanceId);
