namespace Emulator.Core.Iam.UserCredentials;

/// <summary>An SSH public key of a user (CodeCommit's credentials): the key as OpenSSH writes it, and its MD5 fingerprint.</summary>
public sealed record SshPublicKey(string AccountId, string UserName, string SshPublicKeyId, string OpenSshBody, string Fingerprint, bool IsActive, DateTimeOffset UploadDate)
{
    public string Status => IsActive ? "Active" : "Inactive";
}
