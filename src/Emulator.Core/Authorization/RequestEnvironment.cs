namespace Emulator.Core.Authorization;

/// <summary>
/// Where and how a signed request arrived: the raw material of aws:RequestedRegion, aws:SourceIp,
/// aws:UserAgent and aws:SecureTransport.
/// </summary>
public sealed record RequestEnvironment(string Region, string? SourceIp, string? UserAgent, bool SecureTransport);
