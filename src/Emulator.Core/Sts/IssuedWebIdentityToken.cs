namespace Emulator.Core.Sts;

/// <summary>A signed outbound JWT and when it expires.</summary>
public sealed record IssuedWebIdentityToken(string Token, DateTimeOffset Expiration);
