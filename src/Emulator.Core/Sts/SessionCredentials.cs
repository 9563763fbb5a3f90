namespace Emulator.Core.Sts;

/// <summary>The Credentials element of STS responses.</summary>
public sealed record SessionCredentials(string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration);
