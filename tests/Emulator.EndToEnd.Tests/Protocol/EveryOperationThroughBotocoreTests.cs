using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Protocol;

/// <summary>
/// Every operation the emulator serves (IAM, STS, EC2, as GET /_emulator/model lists them) called through
/// botocore and read by its own parser, so no answer can lack an element an SDK looks up (UpdateRole once
/// answered without &lt;UpdateRoleResult/&gt;: KeyError in botocore, Ansible's iam_role failed). The script is
/// every_operation.py beside this file.
/// </summary>
public sealed class EveryOperationThroughBotocoreTests
{
    private static string Script => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Protocol", "every_operation.py"));

    [Fact]
    public async Task Botocore_reads_the_answer_of_every_served_operation_with_each_required_member_and_no_member_its_shape_lacks()
    {
        using var emulator = await EmulatorProcess.StartAsync();
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=every-op", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var arguments = new Dictionary<string, string>
        {
            ["SSH_KEY"] = rsa.ExportSubjectPublicKeyInfoPem(),
            ["CERTIFICATE"] = certificate.ExportCertificatePem(),
            ["PRIVATE_KEY"] = rsa.ExportRSAPrivateKeyPem(),
        };

        var result = (await emulator.Boto3().RunAsync(Script, arguments)).ShouldSucceed().Json;

        var failures = result.Items("failures").Select(f => f.GetString()).ToList();
        failures.Should().BeEmpty("botocore must read every answer as AWS's shape has it");
        result.Items("notCalled").Select(o => o.GetString()).Should().BeEmpty("the script calls every operation the emulator serves");
        result.Items("calledButNotServed").Select(o => o.GetString()).Should().BeEmpty();
        result.At("served").GetInt32().Should().BeGreaterThanOrEqualTo(128, "IAM, STS and EC2 serve 128 operations today");
    }
}
