namespace Emulator.Core.Iam.UserCredentials;

/// <summary>An X.509 signing certificate of a user (or of the root when <see cref="UserName"/> is null), kept as uploaded.</summary>
public sealed record SigningCertificate(string AccountId, string? UserName, string CertificateId, string CertificateBody, string Thumbprint, bool IsActive, DateTimeOffset UploadDate)
{
    public string Status => IsActive ? "Active" : "Inactive";
}
