using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Iam;

/// <summary>SSH public keys and signing certificates of IAM users.</summary>
public sealed class UserCredentialTests
{
    [Fact]
    public async Task An_uploaded_ssh_rsa_key_has_IAMs_MD5_fingerprint_and_reads_back_as_SSH_or_PEM()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        await iam.Call("CreateUser", ("UserName", "dev"));
        using var rsa = RSA.Create(2048);
        var (openSsh, blob) = OpenSsh(rsa);

        var uploaded = await iam.Call("UploadSSHPublicKey", ("UserName", "dev"), ("SSHPublicKeyBody", openSsh + " dev@laptop"));
        var id = uploaded.Value("SSHPublicKeyId")!;
        var asSsh = await iam.Call("GetSSHPublicKey", ("UserName", "dev"), ("SSHPublicKeyId", id), ("Encoding", "SSH"));
        var asPem = await iam.Call("GetSSHPublicKey", ("UserName", "dev"), ("SSHPublicKeyId", id), ("Encoding", "PEM"));
        var listed = await iam.Call("ListSSHPublicKeys", ("UserName", "dev"));

        uploaded.Status.Should().Be(HttpStatusCode.OK);
        id.Should().MatchRegex("^APKA[A-Z2-7]{17}$");
        uploaded.Value("Fingerprint").Should().Be(string.Join(':', MD5.HashData(blob).Select(b => b.ToString("x2"))));
        uploaded.Value("Status").Should().Be("Active");
        asSsh.Value("SSHPublicKeyBody").Should().Be(openSsh);
        asPem.Value("SSHPublicKeyBody").Should().Be(rsa.ExportSubjectPublicKeyInfoPem());
        listed.All("SSHPublicKeyId").Select(e => e.Value).Should().Equal(id);
    }

    [Fact]
    public async Task The_same_key_twice_is_DuplicateSSHPublicKey_and_a_PEM_key_counts_as_the_same_key()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        await iam.Call("CreateUser", ("UserName", "dev"));
        using var rsa = RSA.Create(2048);
        await iam.Call("UploadSSHPublicKey", ("UserName", "dev"), ("SSHPublicKeyBody", OpenSsh(rsa).Text));

        var again = await iam.Call("UploadSSHPublicKey", ("UserName", "dev"), ("SSHPublicKeyBody", rsa.ExportSubjectPublicKeyInfoPem()));

        again.Status.Should().Be(HttpStatusCode.BadRequest);
        again.ErrorCode.Should().Be("DuplicateSSHPublicKey");
        again.ErrorMessage.Should().Be("The SSH public key is already associated with the specified IAM user.");
    }

    [Theory]
    [InlineData("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl", "UnrecognizedPublicKeyEncoding")]
    [InlineData("ssh-rsa not-base64!", "UnrecognizedPublicKeyEncoding")]
    [InlineData("hello", "UnrecognizedPublicKeyEncoding")]
    [InlineData("ssh-rsa AAAAB3NzaC1yc2E=", "InvalidPublicKey")]
    public async Task A_key_IAM_cannot_take_is_refused_with_its_code(string body, string code)
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        await iam.Call("CreateUser", ("UserName", "dev"));

        var reply = await iam.Call("UploadSSHPublicKey", ("UserName", "dev"), ("SSHPublicKeyBody", body));

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.ErrorCode.Should().Be(code);
        (await iam.Call("ListSSHPublicKeys", ("UserName", "dev"))).All("SSHPublicKeyId").Should().BeEmpty();
    }

    [Fact]
    public async Task A_1024_bit_key_is_InvalidPublicKey_and_a_sixth_key_is_LimitExceeded()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        await iam.Call("CreateUser", ("UserName", "dev"));
        using var small = RSA.Create(1024);

        var tooSmall = await iam.Call("UploadSSHPublicKey", ("UserName", "dev"), ("SSHPublicKeyBody", OpenSsh(small).Text));
        for (var i = 0; i < 5; i++)
        {
            using var key = RSA.Create(2048);
            (await iam.Call("UploadSSHPublicKey", ("UserName", "dev"), ("SSHPublicKeyBody", OpenSsh(key).Text))).Status.Should().Be(HttpStatusCode.OK);
        }

        using var sixth = RSA.Create(2048);
        var limit = await iam.Call("UploadSSHPublicKey", ("UserName", "dev"), ("SSHPublicKeyBody", OpenSsh(sixth).Text));

        tooSmall.ErrorCode.Should().Be("InvalidPublicKey");
        limit.Status.Should().Be(HttpStatusCode.Conflict);
        limit.ErrorCode.Should().Be("LimitExceeded");
        limit.ErrorMessage.Should().Be("Cannot exceed quota for PublicKeysPerUser: 5");
    }

    [Fact]
    public async Task Update_and_delete_act_on_the_users_own_key_only()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        await iam.Call("CreateUser", ("UserName", "dev"));
        await iam.Call("CreateUser", ("UserName", "other"));
        using var rsa = RSA.Create(2048);
        var id = (await iam.Call("UploadSSHPublicKey", ("UserName", "dev"), ("SSHPublicKeyBody", OpenSsh(rsa).Text))).Value("SSHPublicKeyId")!;

        var wrongUser = await iam.Call("DeleteSSHPublicKey", ("UserName", "other"), ("SSHPublicKeyId", id));
        await iam.Call("UpdateSSHPublicKey", ("UserName", "dev"), ("SSHPublicKeyId", id), ("Status", "Inactive"));
        var inactive = await iam.Call("GetSSHPublicKey", ("UserName", "dev"), ("SSHPublicKeyId", id), ("Encoding", "SSH"));
        await iam.Call("DeleteSSHPublicKey", ("UserName", "dev"), ("SSHPublicKeyId", id));
        var gone = await iam.Call("GetSSHPublicKey", ("UserName", "dev"), ("SSHPublicKeyId", id), ("Encoding", "SSH"));

        wrongUser.Status.Should().Be(HttpStatusCode.NotFound);
        wrongUser.ErrorMessage.Should().Be($"The Public Key with id {id} cannot be found.");
        inactive.Value("Status").Should().Be("Inactive");
        gone.ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task A_signing_certificate_uploads_lists_deactivates_and_deletes()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        await iam.Call("CreateUser", ("UserName", "signer"));
        var pem = Certificate(DateTimeOffset.UtcNow.AddYears(1));

        var uploaded = await iam.Call("UploadSigningCertificate", ("UserName", "signer"), ("CertificateBody", pem));
        var id = uploaded.Value("CertificateId")!;
        var duplicate = await iam.Call("UploadSigningCertificate", ("UserName", "signer"), ("CertificateBody", pem));
        await iam.Call("UpdateSigningCertificate", ("UserName", "signer"), ("CertificateId", id), ("Status", "Inactive"));
        var listed = await iam.Call("ListSigningCertificates", ("UserName", "signer"));
        await iam.Call("DeleteSigningCertificate", ("UserName", "signer"), ("CertificateId", id));
        var after = await iam.Call("ListSigningCertificates", ("UserName", "signer"));

        uploaded.Status.Should().Be(HttpStatusCode.OK);
        id.Should().MatchRegex("^[A-Z0-9]{32}$");
        uploaded.Value("CertificateBody").Should().Be(pem);
        duplicate.Status.Should().Be(HttpStatusCode.Conflict);
        duplicate.ErrorCode.Should().Be("DuplicateCertificate");
        listed.Value("Status").Should().Be("Inactive");
        after.All("CertificateId").Should().BeEmpty();
    }

    [Fact]
    public async Task A_user_with_a_signing_certificate_or_ssh_key_cannot_be_deleted_and_a_rename_carries_both()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        await iam.Call("CreateUser", ("UserName", "dev"));
        using var rsa = RSA.Create(2048);
        var keyId = (await iam.Call("UploadSSHPublicKey", ("UserName", "dev"), ("SSHPublicKeyBody", OpenSsh(rsa).Text))).Value("SSHPublicKeyId")!;
        var certificateId = (await iam.Call("UploadSigningCertificate", ("UserName", "dev"), ("CertificateBody", Certificate(DateTimeOffset.UtcNow.AddYears(1)))))
            .Value("CertificateId")!;

        var withBoth = await iam.Call("DeleteUser", ("UserName", "dev"));
        await iam.Call("UpdateUser", ("UserName", "dev"), ("NewUserName", "dev2"));
        var keys = await iam.Call("ListSSHPublicKeys", ("UserName", "dev2"));
        var certificates = await iam.Call("ListSigningCertificates", ("UserName", "dev2"));
        await iam.Call("DeleteSigningCertificate", ("UserName", "dev2"), ("CertificateId", certificateId));
        var withKey = await iam.Call("DeleteUser", ("UserName", "dev2"));
        await iam.Call("DeleteSSHPublicKey", ("UserName", "dev2"), ("SSHPublicKeyId", keyId));
        var deleted = await iam.Call("DeleteUser", ("UserName", "dev2"));

        withBoth.Status.Should().Be(HttpStatusCode.Conflict);
        withBoth.ErrorCode.Should().Be("DeleteConflict");
        withBoth.ErrorMessage.Should().Be("Cannot delete entity, must delete signing certificates first.");
        keys.All("SSHPublicKeyId").Select(e => e.Value).Should().Equal(keyId);
        keys.Value("UserName").Should().Be("dev2");
        certificates.All("CertificateId").Select(e => e.Value).Should().Equal(certificateId);
        withKey.ErrorMessage.Should().Be("Cannot delete entity, must delete SSH public keys first.");
        deleted.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_certificate_that_is_not_PEM_or_has_expired_is_MalformedCertificate()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        await iam.Call("CreateUser", ("UserName", "signer"));

        var garbage = await iam.Call("UploadSigningCertificate", ("UserName", "signer"), ("CertificateBody", "-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----"));
        var expired = await iam.Call("UploadSigningCertificate", ("UserName", "signer"), ("CertificateBody", Certificate(DateTimeOffset.UtcNow.AddDays(-1))));

        garbage.Status.Should().Be(HttpStatusCode.BadRequest);
        garbage.ErrorCode.Should().Be("MalformedCertificate");
        garbage.ErrorMessage.Should().Be("Unable to parse certificate. Please ensure the certificate is in PEM format.");
        expired.ErrorCode.Should().Be("MalformedCertificate");
        expired.ErrorMessage.Should().StartWith("Certificate has expired: ");
    }

    private static (string Text, byte[] Blob) OpenSsh(RSA rsa)
    {
        var parameters = rsa.ExportParameters(false);
        using var blob = new MemoryStream();
        Field(blob, Encoding.ASCII.GetBytes("ssh-rsa"));
        Field(blob, Mpint(parameters.Exponent!));
        Field(blob, Mpint(parameters.Modulus!));
        var bytes = blob.ToArray();
        return ($"ssh-rsa {Convert.ToBase64String(bytes)}", bytes);
    }

    private static byte[] Mpint(byte[] value) => (value[0] & 0x80) != 0 ? [0, .. value] : value;

    private static void Field(Stream stream, byte[] value)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, value.Length);
        stream.Write(length);
        stream.Write(value);
    }

    private static string Certificate(DateTimeOffset notAfter)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=signer", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(notAfter.AddYears(-2), notAfter);
        return certificate.ExportCertificatePem();
    }
}
