using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Users;

/// <summary>SSH public keys and signing certificates through the AWS CLI.</summary>
[Collection(CliWorkflowCollection.Name)]
public sealed class UserCredentialCliTests(DefaultEmulator emulator) : IDisposable
{
    private readonly ScratchDirectory files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task A_users_ssh_key_and_signing_certificate_go_through_their_whole_life()
    {
        var user = UniqueName.For("keys");
        using var rsa = RSA.Create(2048);
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=cli", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        files.Write("key.pem", rsa.ExportSubjectPublicKeyInfoPem());
        files.Write("cert.pem", certificate.ExportCertificatePem());
        var aws = emulator.Cli(workingDirectory: files.Path);
        (await aws.RunAsync("iam", "create-user", "--user-name", user)).ShouldSucceed();

        var uploaded = (await aws.RunAsync("iam", "upload-ssh-public-key", "--user-name", user, "--ssh-public-key-body", "file://key.pem"))
            .ShouldSucceed().Json.At("SSHPublicKey");
        var id = uploaded.Text("SSHPublicKeyId");
        var asPem = (await aws.RunAsync("iam", "get-ssh-public-key", "--user-name", user, "--ssh-public-key-id", id, "--encoding", "PEM"))
            .ShouldSucceed().Json.At("SSHPublicKey").Text("SSHPublicKeyBody");
        (await aws.RunAsync("iam", "update-ssh-public-key", "--user-name", user, "--ssh-public-key-id", id, "--status", "Inactive")).ShouldSucceed();
        var listed = (await aws.RunAsync("iam", "list-ssh-public-keys", "--user-name", user)).ShouldSucceed().Json.At("SSHPublicKeys");
        (await aws.RunAsync("iam", "delete-ssh-public-key", "--user-name", user, "--ssh-public-key-id", id)).ShouldSucceed();

        var cert = (await aws.RunAsync("iam", "upload-signing-certificate", "--user-name", user, "--certificate-body", "file://cert.pem"))
            .ShouldSucceed().Json.At("Certificate");
        var certificates = (await aws.RunAsync("iam", "list-signing-certificates", "--user-name", user)).ShouldSucceed().Json.At("Certificates");
        (await aws.RunAsync("iam", "delete-signing-certificate", "--user-name", user, "--certificate-id", cert.Text("CertificateId"))).ShouldSucceed();

        uploaded.Text("Fingerprint").Should().MatchRegex("^([0-9a-f]{2}:){15}[0-9a-f]{2}$");
        uploaded.Text("SSHPublicKeyBody").Should().StartWith("ssh-rsa AAAAB3NzaC1yc2E");
        asPem.Should().Be(rsa.ExportSubjectPublicKeyInfoPem());
        listed.EnumerateArray().Single().Text("Status").Should().Be("Inactive");
        cert.Text("Status").Should().Be("Active");
        certificates.EnumerateArray().Single().Text("CertificateId").Should().Be(cert.Text("CertificateId"));
    }
}
