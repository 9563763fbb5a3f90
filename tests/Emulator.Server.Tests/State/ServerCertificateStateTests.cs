using System.Net;
using Emulator.Server.Tests.Iam;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.State;

/// <summary>Server certificates and service-specific credentials are state: they survive a restart on --state sqlite:.</summary>
public sealed class ServerCertificateStateTests
{
    [Fact]
    public async Task A_server_certificate_and_a_service_specific_credential_survive_a_restart_on_sqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"emulator-certs-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string> { ["state"] = $"sqlite:{path}" };
        var (body, key, _) = ServerCertificateTests.SelfSigned();
        string certificateId, credentialId;
        try
        {
            using (var first = new EmulatorFactory(settings: settings))
            {
                var iam = first.Iam();
                certificateId = (await iam.Call("UploadServerCertificate", ("ServerCertificateName", "kept"), ("CertificateBody", body), ("PrivateKey", key),
                    ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "edge"))).Value("ServerCertificateId")!;
                await iam.Call("CreateUser", ("UserName", "kept"));
                credentialId = (await iam.Call("CreateServiceSpecificCredential", ("UserName", "kept"), ("ServiceName", "codecommit.amazonaws.com")))
                    .Value("ServiceSpecificCredentialId")!;
                await iam.Call("UpdateServiceSpecificCredential", ("UserName", "kept"), ("ServiceSpecificCredentialId", credentialId), ("Status", "Inactive"));
            }

            using var second = new EmulatorFactory(settings: settings);
            var again = second.Iam();
            var certificate = await again.Call("GetServerCertificate", ("ServerCertificateName", "kept"));
            var credentials = await again.Call("ListServiceSpecificCredentials", ("UserName", "kept"));
            var duplicate = await again.Call("UploadServerCertificate", ("ServerCertificateName", "KEPT"), ("CertificateBody", body), ("PrivateKey", key));

            certificate.Status.Should().Be(HttpStatusCode.OK);
            certificate.Value("ServerCertificateId").Should().Be(certificateId);
            certificate.Value("CertificateBody").Should().Be(body);
            certificate.Value("Value").Should().Be("edge");
            credentials.Value("ServiceSpecificCredentialId").Should().Be(credentialId);
            credentials.Value("Status").Should().Be("Inactive");
            duplicate.ErrorCode.Should().Be("EntityAlreadyExists");
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }
}
