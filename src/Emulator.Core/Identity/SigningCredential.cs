namespace Emulator.Core.Identity;

/// <summary>A known access key: the secret to verify a signature with, and who it speaks for.</summary>
public sealed record SigningCredential(string AccessKeyId, string SecretAccessKey, bool IsActive, Principal Principal);
