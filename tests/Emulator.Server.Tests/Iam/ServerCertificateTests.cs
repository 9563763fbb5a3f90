using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Emulator.Server.Tests.Audit;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Iam;

/// <summary>IAM server certificates: PEM checked on upload, metadata and body read back, the private key never.</summary>
public sealed class ServerCertificateTests : IDisposable
{
    private readonly EmulatorFactory factory = new();
    private readonly IamTestClient iam;

    public ServerCertificateTests() => iam = factory.Iam();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task An_uploaded_certificate_reads_back_with_its_metadata_body_and_chain_but_never_its_key()
    {
        var (ca, caKey) = Authority("CN=Test CA");
        var (body, key, notAfter) = Leaf(ca, caKey, "CN=www.example.com");

        var uploaded = await Upload("web", body, key, ("CertificateChain", ca.ExportCertificatePem()), ("Path", "/cloudfront/"));
        var read = await iam.Call("GetServerCertificate", ("ServerCertificateName", "web"));
        var listed = await iam.Call("ListServerCertificates");

        uploaded.Status.Should().Be(HttpStatusCode.OK);
        uploaded.Value("ServerCertificateId").Should().MatchRegex("^ASCA[A-Z2-7]{17}$");
        uploaded.Value("Arn").Should().Be("arn:aws:iam::123456789012:server-certificate/cloudfront/web");
        uploaded.Value("Path").Should().Be("/cloudfront/");
        uploaded.Value("Expiration").Should().Be(notAfter.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
        uploaded.Value("UploadDate").Should().NotBeNull();
        uploaded.Element("Tags").Should().BeNull();
        read.Value("CertificateBody").Should().Be(body);
        read.Value("CertificateChain").Should().Be(ca.ExportCertificatePem());
        read.Value("ServerCertificateId").Should().Be(uploaded.Value("ServerCertificateId"));
        read.Element("Tags").Should().NotBeNull();
        read.All("member").Should().BeEmpty();
        read.Body.Should().NotContain("PRIVATE KEY").And.NotContain("PrivateKey");
        listed.All("ServerCertificateName").Select(e => e.Value).Should().Equal("web");
        listed.Value("Expiration").Should().Be(uploaded.Value("Expiration"));
        listed.Body.Should().NotContain("CertificateBody");
    }

    [Fact]
    public async Task A_self_signed_certificate_needs_no_chain_and_an_EC_key_is_accepted()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=ec.example.com", ec, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

        var uploaded = await Upload("ec", certificate.ExportCertificatePem(), ec.ExportECPrivateKeyPem());

        uploaded.Status.Should().Be(HttpStatusCode.OK);
        (await iam.Call("GetServerCertificate", ("ServerCertificateName", "ec"))).Element("CertificateChain").Should().BeNull();
    }

    [Fact]
    public async Task A_body_that_is_not_a_PEM_certificate_is_MalformedCertificate()
    {
        var (_, key, _) = SelfSigned();

        var reply = await Upload("bad", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----", key);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.ErrorCode.Should().Be("MalformedCertificate");
        reply.ErrorMessage.Should().Be("Unable to parse certificate. Please ensure the certificate is in PEM format.");
        (await iam.Call("ListServerCertificates")).All("ServerCertificateName").Should().BeEmpty();
    }

    [Fact]
    public async Task An_expired_certificate_is_MalformedCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=old", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddDays(-1));

        var reply = await Upload("old", certificate.ExportCertificatePem(), rsa.ExportRSAPrivateKeyPem());

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.ErrorCode.Should().Be("MalformedCertificate");
        reply.ErrorMessage.Should().Be("Certificate is no longer valid. The 'Not After' date restriction on the certificate has passed.");
    }

    [Theory]
    [InlineData("not a key at all")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----")]
    public async Task A_private_key_that_does_not_parse_is_MalformedCertificate(string privateKey)
    {
        var (body, _, _) = SelfSigned();

        var reply = await Upload("web", body, privateKey);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.ErrorCode.Should().Be("MalformedCertificate");
        reply.ErrorMessage.Should().Be("Unable to parse private key. Please ensure the private key is in PEM format and is not encrypted.");
    }

    [Fact]
    public async Task An_encrypted_private_key_is_MalformedCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=enc", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var encrypted = rsa.ExportEncryptedPkcs8PrivateKeyPem("secret".AsSpan(), new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000));

        var reply = await Upload("enc", certificate.ExportCertificatePem(), encrypted);

        reply.ErrorCode.Should().Be("MalformedCertificate");
        reply.ErrorMessage.Should().Be("Unable to parse private key. Please ensure the private key is in PEM format and is not encrypted.");
    }

    [Fact]
    public async Task A_key_of_another_certificate_is_KeyPairMismatch()
    {
        var (body, _, _) = SelfSigned();
        var (_, otherKey, _) = SelfSigned();

        var reply = await Upload("web", body, otherKey);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.ErrorCode.Should().Be("KeyPairMismatch");
        reply.ErrorMessage.Should().Be("The public key certificate and the private key do not match.");
    }

    [Fact]
    public async Task A_chain_that_does_not_start_with_the_issuer_names_the_invalid_certificates_index()
    {
        var (ca, caKey) = Authority("CN=Issuing CA");
        var (stranger, _) = Authority("CN=Some Other CA");
        var (body, key, _) = Leaf(ca, caKey, "CN=www.example.com");

        var wrongFirst = await Upload("web", body, key, ("CertificateChain", stranger.ExportCertificatePem()));
        var wrongSecond = await Upload("web", body, key, ("CertificateChain", ca.ExportCertificatePem() + "\n" + stranger.ExportCertificatePem()));
        var notPem = await Upload("web", body, key, ("CertificateChain", "garbage"));

        wrongFirst.Status.Should().Be(HttpStatusCode.BadRequest);
        wrongFirst.ErrorCode.Should().Be("MalformedCertificate");
        wrongFirst.ErrorMessage.Should().Be("Unable to validate certificate chain. The certificate chain must start with the immediate signing certificate, "
            + "followed by any intermediaries in order. The index within the chain of the invalid certificate is: 0");
        wrongSecond.ErrorMessage.Should().EndWith("The index within the chain of the invalid certificate is: 1");
        notPem.ErrorCode.Should().Be("MalformedCertificate");
        notPem.ErrorMessage.Should().Be("Unable to parse certificate chain. Please ensure the certificate chain is in PEM format.");
    }

    [Fact]
    public async Task A_name_taken_in_any_case_is_EntityAlreadyExists()
    {
        var (body, key, _) = SelfSigned();
        await Upload("Web", body, key);

        var again = await Upload("web", body, key);

        again.Status.Should().Be(HttpStatusCode.Conflict);
        again.ErrorCode.Should().Be("EntityAlreadyExists");
        again.ErrorMessage.Should().Be("The Server Certificate with name web already exists.");
    }

    [Fact]
    public async Task The_twenty_first_certificate_is_LimitExceeded_and_the_summary_counts_them()
    {
        var (body, key, _) = SelfSigned();
        for (var i = 0; i < 20; i++)
        {
            (await Upload($"cert-{i}", body, key)).Status.Should().Be(HttpStatusCode.OK);
        }

        var over = await Upload("cert-20", body, key);
        var summary = await iam.Call("GetAccountSummary");

        over.Status.Should().Be(HttpStatusCode.Conflict);
        over.ErrorCode.Should().Be("LimitExceeded");
        over.ErrorMessage.Should().Be("Cannot exceed quota for ServerCertificatesPerAccount: 20");
        SummaryValue(summary, "ServerCertificates").Should().Be("20");
        SummaryValue(summary, "ServerCertificatesQuota").Should().Be("20");
    }

    [Theory]
    [InlineData("GetServerCertificate")]
    [InlineData("DeleteServerCertificate")]
    [InlineData("UpdateServerCertificate")]
    [InlineData("ListServerCertificateTags")]
    [InlineData("UntagServerCertificate")]
    public async Task A_missing_certificate_is_NoSuchEntity_in_IAMs_words(string action)
    {
        var reply = await iam.Call(action, ("ServerCertificateName", "nonexistent-certificate"), ("TagKeys.member.1", "k"));

        reply.Status.Should().Be(HttpStatusCode.NotFound);
        reply.ErrorCode.Should().Be("NoSuchEntity");
        reply.ErrorMessage.Should().Be("The Server Certificate with name nonexistent-certificate cannot be found.");
    }

    [Fact]
    public async Task Tagging_a_missing_certificate_is_NoSuchEntity()
    {
        var reply = await iam.Call("TagServerCertificate", ("ServerCertificateName", "gone"), ("Tags.member.1.Key", "k"), ("Tags.member.1.Value", "v"));

        reply.Status.Should().Be(HttpStatusCode.NotFound);
        reply.ErrorMessage.Should().Be("The Server Certificate with name gone cannot be found.");
    }

    [Fact]
    public async Task Update_renames_and_moves_a_certificate_keeping_its_id_and_refuses_a_taken_name()
    {
        var (body, key, _) = SelfSigned();
        var id = (await Upload("old-name", body, key)).Value("ServerCertificateId");
        await Upload("taken", body, key);

        var moved = await iam.Call("UpdateServerCertificate", ("ServerCertificateName", "old-name"), ("NewServerCertificateName", "new-name"), ("NewPath", "/elb/"));
        var clash = await iam.Call("UpdateServerCertificate", ("ServerCertificateName", "new-name"), ("NewServerCertificateName", "TAKEN"));
        var renamed = await iam.Call("GetServerCertificate", ("ServerCertificateName", "new-name"));
        var old = await iam.Call("GetServerCertificate", ("ServerCertificateName", "old-name"));
        var underElb = await iam.Call("ListServerCertificates", ("PathPrefix", "/elb/"));

        moved.Status.Should().Be(HttpStatusCode.OK);
        clash.Status.Should().Be(HttpStatusCode.Conflict);
        clash.ErrorCode.Should().Be("EntityAlreadyExists");
        clash.ErrorMessage.Should().Be("The Server Certificate with name TAKEN already exists.");
        renamed.Value("ServerCertificateId").Should().Be(id);
        renamed.Value("Arn").Should().Be("arn:aws:iam::123456789012:server-certificate/elb/new-name");
        old.ErrorCode.Should().Be("NoSuchEntity");
        underElb.All("ServerCertificateName").Select(e => e.Value).Should().Equal("new-name");
    }

    [Fact]
    public async Task Delete_removes_the_certificate()
    {
        var (body, key, _) = SelfSigned();
        await Upload("web", body, key);

        var deleted = await iam.Call("DeleteServerCertificate", ("ServerCertificateName", "web"));
        var after = await iam.Call("GetServerCertificate", ("ServerCertificateName", "web"));

        deleted.Status.Should().Be(HttpStatusCode.OK);
        after.Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_pages_in_name_order_and_filters_by_path_prefix()
    {
        var (body, key, _) = SelfSigned();
        foreach (var (name, path) in new[] { ("c", "/a/"), ("a", "/"), ("b", "/a/b/") })
        {
            await Upload(name, body, key, ("Path", path));
        }

        var first = await iam.Call("ListServerCertificates", ("MaxItems", "2"));
        var second = await iam.Call("ListServerCertificates", ("MaxItems", "2"), ("Marker", first.Value("Marker")!));
        var underA = await iam.Call("ListServerCertificates", ("PathPrefix", "/a/"));
        var badPrefix = await iam.Call("ListServerCertificates", ("PathPrefix", "no-slash"));

        first.All("ServerCertificateName").Select(e => e.Value).Should().Equal("a", "b");
        first.Value("IsTruncated").Should().Be("true");
        second.All("ServerCertificateName").Select(e => e.Value).Should().Equal("c");
        second.Value("IsTruncated").Should().Be("false");
        underA.All("ServerCertificateName").Select(e => e.Value).Should().Equal("b", "c");
        badPrefix.ErrorCode.Should().Be("ValidationError");
        badPrefix.ErrorMessage.Should().Be("1 validation error detected: Value at 'pathPrefix' failed to satisfy constraint: Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*");
    }

    [Fact]
    public async Task Tags_follow_IAMs_rules_case_insensitive_keys_and_fifty_at_most()
    {
        var (body, key, _) = SelfSigned();
        var uploaded = await Upload("web", body, key, ("Tags.member.1.Key", "Team"), ("Tags.member.1.Value", "edge"));

        await iam.Call("TagServerCertificate", ("ServerCertificateName", "web"), ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "core"),
            ("Tags.member.2.Key", "env"), ("Tags.member.2.Value", "prod"));
        var tagged = await iam.Call("ListServerCertificateTags", ("ServerCertificateName", "web"));
        var duplicate = await iam.Call("TagServerCertificate", ("ServerCertificateName", "web"), ("Tags.member.1.Key", "a"), ("Tags.member.1.Value", "1"),
            ("Tags.member.2.Key", "A"), ("Tags.member.2.Value", "2"));
        var reserved = await iam.Call("TagServerCertificate", ("ServerCertificateName", "web"), ("Tags.member.1.Key", "aws:x"), ("Tags.member.1.Value", "1"));
        var tooMany = await iam.Call("TagServerCertificate", [("ServerCertificateName", "web"),
            .. Enumerable.Range(1, 49).SelectMany(i => new[] { ($"Tags.member.{i}.Key", $"k{i}"), ($"Tags.member.{i}.Value", "v") })]);
        await iam.Call("UntagServerCertificate", ("ServerCertificateName", "web"), ("TagKeys.member.1", "ENV"));
        var untagged = await iam.Call("GetServerCertificate", ("ServerCertificateName", "web"));

        uploaded.All("Key").Select(e => e.Value).Should().Equal("Team");
        tagged.All("Key").Select(e => e.Value).Should().Equal("env", "team");
        tagged.All("Value").Select(e => e.Value).Should().Equal("prod", "core");
        tagged.Value("IsTruncated").Should().Be("false");
        duplicate.ErrorCode.Should().Be("InvalidInput");
        duplicate.ErrorMessage.Should().Be("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
        reserved.ErrorCode.Should().Be("InvalidInput");
        reserved.ErrorMessage.Should().Be("User-defined tag keys can't start with aws:. This prefix is reserved for AWS tags.");
        tooMany.Status.Should().Be(HttpStatusCode.Conflict);
        tooMany.ErrorCode.Should().Be("LimitExceeded");
        tooMany.ErrorMessage.Should().Be("The number of tags has reached the maximum limit.");
        untagged.All("Key").Select(e => e.Value).Should().Equal("team");
    }

    [Fact]
    public async Task ListServerCertificateTags_pages()
    {
        var (body, key, _) = SelfSigned();
        await Upload("web", body, key, ("Tags.member.1.Key", "a"), ("Tags.member.1.Value", "1"), ("Tags.member.2.Key", "b"), ("Tags.member.2.Value", "2"));

        var first = await iam.Call("ListServerCertificateTags", ("ServerCertificateName", "web"), ("MaxItems", "1"));
        var second = await iam.Call("ListServerCertificateTags", ("ServerCertificateName", "web"), ("MaxItems", "1"), ("Marker", first.Value("Marker")!));

        first.All("Key").Select(e => e.Value).Should().Equal("a");
        first.Value("IsTruncated").Should().Be("true");
        second.All("Key").Select(e => e.Value).Should().Equal("b");
    }

    [Fact]
    public async Task Missing_and_malformed_members_are_ValidationErrors()
    {
        var (body, key, _) = SelfSigned();

        var nothing = await iam.Call("UploadServerCertificate");
        var badName = await Upload("bad name!", body, key);
        var badPath = await Upload("web", body, key, ("Path", "nopath"));
        var badNewName = await iam.Call("UpdateServerCertificate", ("ServerCertificateName", "web"), ("NewServerCertificateName", new string('n', 129)));
        var tooLong = await iam.Call("UploadServerCertificate", ("ServerCertificateName", "web"), ("CertificateBody", new string('x', 16385)), ("PrivateKey", key));

        nothing.ErrorCode.Should().Be("ValidationError");
        nothing.ErrorMessage.Should().Be("3 validation errors detected: Value null at 'serverCertificateName' failed to satisfy constraint: Member must not be null; "
            + "Value null at 'certificateBody' failed to satisfy constraint: Member must not be null; "
            + "Value null at 'privateKey' failed to satisfy constraint: Member must not be null");
        badName.ErrorMessage.Should().Be("1 validation error detected: Value at 'serverCertificateName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        badPath.ErrorMessage.Should().Be("1 validation error detected: Value at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
        badNewName.ErrorMessage.Should().Be("1 validation error detected: Value at 'newServerCertificateName' failed to satisfy constraint: Member must have length less than or equal to 128");
        tooLong.ErrorMessage.Should().Be("1 validation error detected: Value at 'certificateBody' failed to satisfy constraint: Member must have length less than or equal to 16384");
    }

    [Fact]
    public async Task The_private_key_never_reaches_the_trail_and_an_export_holds_it_only_with_secrets()
    {
        var (body, key, _) = SelfSigned();
        var keyBase64 = key.Split('\n')[1];
        await Upload("web", body, key);
        var http = factory.CreateClient();

        var withoutSecrets = await http.GetStringAsync("/_emulator/state");
        var withSecrets = await http.GetStringAsync("/_emulator/state?secrets=true");
        var upload = await TrailClient.Single(factory, "UploadServerCertificate");

        withoutSecrets.Should().Contain("server-certificate").And.Contain("ASCA").And.NotContain(keyBase64).And.NotContain("PrivateKey");
        withSecrets.Should().Contain(keyBase64);
        upload.GetRawText().Should().NotContain(keyBase64).And.NotContain("PrivateKey");
        upload.Text("requestParameters", "serverCertificateName").Should().Be("web");
    }

    [Fact]
    public async Task An_exported_state_with_secrets_brings_the_certificate_back()
    {
        var (body, key, _) = SelfSigned();
        var id = (await Upload("web", body, key)).Value("ServerCertificateId");
        var http = factory.CreateClient();
        var exported = await http.GetStringAsync("/_emulator/state?secrets=true");
        await iam.Call("DeleteServerCertificate", ("ServerCertificateName", "web"));

        var imported = await new AdminRequest(HttpMethod.Put, "/_emulator/state") { Body = exported }.SendAsync(http);
        var read = await iam.Call("GetServerCertificate", ("ServerCertificateName", "web"));

        imported.Status.Should().Be(HttpStatusCode.OK, imported.Body);
        read.Value("ServerCertificateId").Should().Be(id);
        read.Value("CertificateBody").Should().Be(body);
    }

    private Task<IamResponse> Upload(string name, string body, string privateKey, params (string Name, string Value)[] extra) =>
        iam.Call("UploadServerCertificate", [("ServerCertificateName", name), ("CertificateBody", body), ("PrivateKey", privateKey), .. extra]);

    private static string? SummaryValue(IamResponse summary, string key) =>
        summary.All("entry").FirstOrDefault(e => e.Elements().First(x => x.Name.LocalName == "key").Value == key)
            ?.Elements().First(x => x.Name.LocalName == "value").Value;

    internal static (string Body, string Key, DateTimeOffset NotAfter) SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=www.example.com", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var notAfter = DateTimeOffset.UtcNow.AddYears(1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), notAfter);
        return (certificate.ExportCertificatePem(), rsa.ExportRSAPrivateKeyPem(), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
    }

    private static (X509Certificate2 Certificate, RSA Key) Authority(string subject)
    {
        var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return (request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5)), rsa);
    }

    private static (string Body, string Key, DateTimeOffset NotAfter) Leaf(X509Certificate2 authority, RSA authorityKey, string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var generator = X509SignatureGenerator.CreateForRSA(authorityKey, RSASignaturePadding.Pkcs1);
        using var certificate = request.Create(authority.SubjectName, generator, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), [1, 2, 3, 4]);
        return (certificate.ExportCertificatePem(), rsa.ExportPkcs8PrivateKeyPem(), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
    }
}
