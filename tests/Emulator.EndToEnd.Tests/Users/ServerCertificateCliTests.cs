using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Users;

/// <summary>Server certificates and service-specific credentials through the AWS CLI, and their secrets kept out of the trail and the export.</summary>
[Collection(CliWorkflowCollection.Name)]
public sealed class ServerCertificateCliTests(DefaultEmulator emulator) : IDisposable
{
    private readonly ScratchDirectory files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task A_self_signed_server_certificate_is_uploaded_read_renamed_and_deleted_and_its_key_never_comes_back()
    {
        var name = UniqueName.For("cert");
        using var key = RSA.Create(2048);
        using var otherKey = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=www.example.com", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var privateKey = key.ExportRSAPrivateKeyPem();
        files.Write("cert.pem", certificate.ExportCertificatePem());
        files.Write("key.pem", privateKey);
        var aws = emulator.Cli(workingDirectory: files.Path);

        var uploaded = (await aws.RunAsync("iam", "upload-server-certificate", "--server-certificate-name", name, "--path", "/cloudfront/",
            "--certificate-body", "file://cert.pem", "--private-key", "file://key.pem", "--tags", "Key=team,Value=edge")).ShouldSucceed().Json;
        var read = (await aws.RunAsync("iam", "get-server-certificate", "--server-certificate-name", name)).ShouldSucceed().Json.At("ServerCertificate");
        var listed = (await aws.RunAsync("iam", "list-server-certificates", "--path-prefix", "/cloudfront/")).ShouldSucceed().Json.At("ServerCertificateMetadataList");
        (await aws.RunAsync("iam", "update-server-certificate", "--server-certificate-name", name, "--new-server-certificate-name", name + "-2")).ShouldSucceed();
        var renamed = (await aws.RunAsync("iam", "get-server-certificate", "--server-certificate-name", name + "-2")).ShouldSucceed().Json.At("ServerCertificate");
        var mismatch = await aws.RunAsync("iam", "upload-server-certificate", "--server-certificate-name", name + "-x",
            "--certificate-body", "file://cert.pem", "--private-key", otherKey.ExportRSAPrivateKeyPem());
        (await aws.RunAsync("iam", "delete-server-certificate", "--server-certificate-name", name + "-2")).ShouldSucceed();
        var gone = await aws.RunAsync("iam", "get-server-certificate", "--server-certificate-name", name + "-2");
        var trail = await emulator.Http.GetStringAsync($"{emulator.Url}/_emulator/trail?eventName=UploadServerCertificate");
        var export = await emulator.Http.GetStringAsync($"{emulator.Url}/_emulator/state");

        var metadata = uploaded.At("ServerCertificateMetadata");
        metadata.Text("Arn").Should().Be($"arn:aws:iam::123456789012:server-certificate/cloudfront/{name}");
        metadata.Text("ServerCertificateId").Should().MatchRegex("^ASCA[A-Z2-7]{17}$");
        DateTimeOffset.Parse(metadata.Text("Expiration"), System.Globalization.CultureInfo.InvariantCulture)
            .Should().Be(new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
        read.Text("CertificateBody").Should().Be(certificate.ExportCertificatePem());
        read.At("Tags").EnumerateArray().Single().Text("Value").Should().Be("edge");
        read.GetRawText().Should().NotContain("PRIVATE KEY");
        listed.EnumerateArray().Select(c => c.Text("ServerCertificateName")).Should().Contain(name);
        renamed.At("ServerCertificateMetadata").Text("ServerCertificateId").Should().Be(metadata.Text("ServerCertificateId"));
        mismatch.ShouldFailWith("KeyPairMismatch");
        gone.ShouldFailWith("NoSuchEntity").Message.Should().Be($"The Server Certificate with name {name}-2 cannot be found.");
        var keyLine = privateKey.Split('\n')[1];
        trail.Should().Contain(name).And.NotContain(keyLine);
        export.Should().NotContain(keyLine);
    }

    [Fact]
    public async Task Service_specific_credentials_are_created_reset_listed_and_deleted_and_their_passwords_never_come_back()
    {
        var user = UniqueName.For("git");
        var aws = emulator.Cli();
        (await aws.RunAsync("iam", "create-user", "--user-name", user)).ShouldSucceed();

        var created = (await aws.RunAsync("iam", "create-service-specific-credential", "--user-name", user, "--service-name", "codecommit.amazonaws.com"))
            .ShouldSucceed().Json.At("ServiceSpecificCredential");
        var id = created.Text("ServiceSpecificCredentialId");
        var reset = (await aws.RunAsync("iam", "reset-service-specific-credential", "--user-name", user, "--service-specific-credential-id", id))
            .ShouldSucceed().Json.At("ServiceSpecificCredential");
        var apiKey = (await aws.RunAsync("iam", "create-service-specific-credential", "--user-name", user, "--service-name", "bedrock.amazonaws.com",
            "--credential-age-days", "7")).ShouldSucceed().Json.At("ServiceSpecificCredential");
        (await aws.RunAsync("iam", "update-service-specific-credential", "--user-name", user, "--service-specific-credential-id", id, "--status", "Inactive"))
            .ShouldSucceed();
        var listed = (await aws.RunAsync("iam", "list-service-specific-credentials", "--user-name", user, "--service-name", "codecommit.amazonaws.com"))
            .ShouldSucceed().Json.At("ServiceSpecificCredentials");
        var unsupported = await aws.RunAsync("iam", "create-service-specific-credential", "--user-name", user, "--service-name", "s3.amazonaws.com");
        var blocked = await aws.RunAsync("iam", "delete-user", "--user-name", user);
        (await aws.RunAsync("iam", "delete-service-specific-credential", "--user-name", user, "--service-specific-credential-id", id)).ShouldSucceed();
        (await aws.RunAsync("iam", "delete-service-specific-credential", "--user-name", user, "--service-specific-credential-id",
            apiKey.Text("ServiceSpecificCredentialId"))).ShouldSucceed();
        (await aws.RunAsync("iam", "delete-user", "--user-name", user)).ShouldSucceed();
        var trail = await emulator.Http.GetStringAsync($"{emulator.Url}/_emulator/trail");
        var export = await emulator.Http.GetStringAsync($"{emulator.Url}/_emulator/state");

        created.Text("ServiceUserName").Should().Be($"{user}-at-123456789012");
        created.Text("ServicePassword").Should().HaveLength(44);
        reset.Text("ServicePassword").Should().HaveLength(44).And.NotBe(created.Text("ServicePassword"));
        apiKey.Text("ServiceCredentialSecret").Should().StartWith("ABSK");
        listed.EnumerateArray().Single().Text("Status").Should().Be("Inactive");
        listed.GetRawText().Should().NotContain("ServicePassword");
        unsupported.ShouldFailWith("NotSupportedService");
        blocked.ShouldFailWith("DeleteConflict").Message.Should().Be("Cannot delete entity, must delete service specific credentials first.");
        foreach (var secret in new[] { created.Text("ServicePassword"), reset.Text("ServicePassword"), apiKey.Text("ServiceCredentialSecret") })
        {
            trail.Should().NotContain(secret);
            export.Should().NotContain(secret);
        }
    }
}
