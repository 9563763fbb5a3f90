namespace Emulator.Core.Iam.ServiceSpecificCredentials;

/// <summary>A credential as Create/Reset answer it: with its password (or API key secret), which is never kept.</summary>
public sealed record IssuedServiceSpecificCredential(ServiceSpecificCredential Credential, string? ServicePassword, string? ServiceCredentialSecret);
