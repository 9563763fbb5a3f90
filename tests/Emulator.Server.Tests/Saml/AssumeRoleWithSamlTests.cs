using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Emulator.Core.Identifiers;
using Emulator.Core.Saml;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Saml;

public sealed class AssumeRoleWithSamlTests : IClassFixture<AssumeRoleWithSamlTests.Factory>
{
    private const string Account = "123456789012";
    private const string Corp = $"arn:aws:iam::{Account}:saml-provider/corp";
    private const string OtherIssuer = $"arn:aws:iam::{Account}:saml-provider/other-issuer";
    private const string Admins = $"arn:aws:iam::{Account}:role/admins";
    private const string MailGated = $"arn:aws:iam::{Account}:role/mail-gated";
    private const string Tagged = $"arn:aws:iam::{Account}:role/tagged";
    private const string Plain = $"arn:aws:iam::{Account}:role/plain";

    private const string Seed = """
        {"accounts":[{"id":"123456789012","rootAccessKeyId":"AKIAIOSFODNN7EXAMPLE","rootSecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          "roles":[
            {"RoleName":"admins","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
              "Principal":{"Federated":"arn:aws:iam::123456789012:saml-provider/corp"},"Action":["sts:AssumeRoleWithSAML","sts:SetSourceIdentity"],
              "Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}}]},
             "AttachedPolicies":["arn:aws:iam::aws:policy/IAMReadOnlyAccess"]},
            {"RoleName":"mail-gated","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
              "Principal":{"Federated":"arn:aws:iam::123456789012:saml-provider/corp"},"Action":"sts:AssumeRoleWithSAML",
              "Condition":{"StringLike":{"saml:mail":"*@example.com"},"StringEquals":{"saml:sub_type":"persistent","saml:iss":"https://saml.emulator.test","saml:doc":"123456789012/corp"}}}]}},
            {"RoleName":"tagged","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
              "Principal":{"Federated":"arn:aws:iam::123456789012:saml-provider/corp"},"Action":["sts:AssumeRoleWithSAML","sts:TagSession"]}]}},
            {"RoleName":"plain","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
              "Principal":{"Federated":"arn:aws:iam::123456789012:saml-provider/corp"},"Action":"sts:AssumeRoleWithSAML"}]}}]}]}
        """;

    private static readonly SemaphoreSlim Registration = new(1, 1);
    private readonly Factory factory;

    public AssumeRoleWithSamlTests(Factory factory) => this.factory = factory;

    public sealed class Factory() : EmulatorFactory(Seed);

    /// <summary>An identity provider other than the built-in one: its own key, the entity id it is given.</summary>
    private static SamlIdentityProvider Outsider(string entityId) =>
        new(entityId, SamlIdentityProvider.NewKey(), new IdGenerator(new CryptoRandomSource()));

    private static SamlAssertionRequest Request(string role, string provider = Corp, string subject = "alice", TimeSpan? lifetime = null) =>
        new(subject, SamlAttributes.PersistentFormat, [$"{role},{provider}"], subject, new Dictionary<string, IReadOnlyList<string>>(), null,
            SamlAttributes.SignInEndpoint, SamlAttributes.SignInEndpoint, lifetime ?? TimeSpan.FromMinutes(5));

    /// <summary>Registers "corp" (the built-in IdP) and "other-issuer" (an outside IdP) once per emulator.</summary>
    private async Task Providers()
    {
        await Registration.WaitAsync();
        try
        {
            var iam = factory.Iam();
            if ((await iam.Call("GetSAMLProvider", ("SAMLProviderArn", Corp))).Status == HttpStatusCode.OK)
            {
                return;
            }

            (await iam.Call("CreateSAMLProvider", ("Name", "corp"), ("SAMLMetadataDocument", await factory.SamlMetadata()))).Status.Should().Be(HttpStatusCode.OK);
            (await iam.Call("CreateSAMLProvider", ("Name", "other-issuer"),
                ("SAMLMetadataDocument", Outsider("https://other.example.com").Metadata("https://other.example.com/sso")))).Status.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            Registration.Release();
        }
    }

    private async Task<string> Mint(object request)
    {
        await Providers();
        return await factory.MintSamlResponse(request);
    }

    private static string Edit(string samlResponse, Action<XmlDocument, XmlNamespaceManager> change)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(Encoding.UTF8.GetString(Convert.FromBase64String(samlResponse)));
        var names = new XmlNamespaceManager(document.NameTable);
        names.AddNamespace("samlp", SamlXml.Protocol);
        names.AddNamespace("saml", SamlXml.Assertion);
        names.AddNamespace("ds", SamlXml.Signature);
        change(document, names);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(document.OuterXml));
    }

    [Fact]
    public async Task An_assertion_from_the_built_in_IdP_gets_credentials_for_the_role_it_grants()
    {
        var assertion = await Mint(new { subject = "alice@example.com", roles = new[] { $"{Admins},{Corp}" }, roleSessionName = "alice" });

        var response = await factory.AssumeRoleWithSaml(Admins, Corp, assertion);
        var identity = await factory.Iam().WithCredentials(response, "sts").Call("GetCallerIdentity");
        var readRoles = await factory.Iam().WithCredentials(response).Call("ListRoles");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Element("AssumeRoleWithSAMLResult")!.Elements().Select(e => e.Name.LocalName).Should()
            .Equal("Credentials", "AssumedRoleUser", "Subject", "SubjectType", "Issuer", "Audience", "NameQualifier");
        response.Value("Arn").Should().Be($"arn:aws:sts::{Account}:assumed-role/admins/alice");
        response.Value("AccessKeyId").Should().StartWith("ASIA");
        response.Value("Subject").Should().Be("alice@example.com");
        response.Value("SubjectType").Should().Be("persistent");
        response.Value("Issuer").Should().Be("https://saml.emulator.test");
        response.Value("Audience").Should().Be("https://signin.aws.amazon.com/saml");
        // AWS documents NameQualifier as BASE64(SHA1(issuer + account id + "/" + provider name)).
        response.Value("NameQualifier").Should().Be(Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes($"https://saml.emulator.test{Account}/corp"))));
        identity.Value("Arn").Should().Be($"arn:aws:sts::{Account}:assumed-role/admins/alice");
        readRoles.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_session_lasts_DurationSeconds_but_never_beyond_the_roles_maximum()
    {
        var assertion = await Mint(new { subject = "alice", roles = new[] { $"{Admins},{Corp}" } });

        var response = await factory.AssumeRoleWithSaml(Admins, Corp, assertion, ("DurationSeconds", "900"));
        var tooLong = await factory.AssumeRoleWithSaml(Admins, Corp, assertion, ("DurationSeconds", "7200"));

        var expiration = DateTimeOffset.Parse(response.Value("Expiration")!, System.Globalization.CultureInfo.InvariantCulture);
        expiration.Should().BeCloseTo(DateTimeOffset.UtcNow.AddSeconds(900), TimeSpan.FromMinutes(1));
        tooLong.ErrorCode.Should().Be("ValidationError");
        tooLong.ErrorMessage.Should().Be("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    }

    [Fact]
    public async Task The_pair_may_name_the_provider_first()
    {
        var assertion = await Mint(new { subject = "alice", roles = new[] { $"{Corp},{Admins}" } });

        var response = await factory.AssumeRoleWithSaml(Admins, Corp, assertion);

        response.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_tampered_assertion_fails_its_signature()
    {
        var genuine = await Mint(new { subject = "alice", roles = new[] { $"{Admins},{Corp}" } });
        var tampered = Edit(genuine, (document, names) => document.SelectSingleNode("//saml:NameID", names)!.InnerText = "mallory");

        var response = await factory.AssumeRoleWithSaml(Admins, Corp, tampered);

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("InvalidIdentityToken");
        response.ErrorMessage.Should().Be("Response signature invalid");
    }

    [Fact]
    public async Task An_assertion_signed_by_another_key_fails_its_signature()
    {
        await Providers();
        var impostor = Outsider("https://saml.emulator.test").Mint(Request(Admins), DateTimeOffset.UtcNow);

        var response = await factory.AssumeRoleWithSaml(Admins, Corp, impostor);

        response.ErrorCode.Should().Be("InvalidIdentityToken");
        response.ErrorMessage.Should().Be("Response signature invalid");
    }

    [Fact]
    public async Task An_unsigned_assertion_fails_its_signature()
    {
        var genuine = await Mint(new { subject = "alice", roles = new[] { $"{Admins},{Corp}" } });
        var unsigned = Edit(genuine, (document, names) =>
        {
            var signature = document.SelectSingleNode("//ds:Signature", names)!;
            signature.ParentNode!.RemoveChild(signature);
        });

        var response = await factory.AssumeRoleWithSaml(Admins, Corp, unsigned);

        response.ErrorMessage.Should().Be("Response signature invalid");
    }

    [Fact]
    public async Task A_wrapped_assertion_is_refused_even_though_a_genuine_signature_is_inside()
    {
        // The wrapping attack: the genuine signed assertion is hidden in Extensions, and a forged one
        // carrying its ID and its signature is what a naive reader would read.
        var genuine = await Mint(new { subject = "alice", roles = new[] { $"{Plain},{Corp}" } });
        var wrapped = Edit(genuine, (document, names) =>
        {
            var response = document.DocumentElement!;
            var original = (XmlElement)document.SelectSingleNode("/samlp:Response/saml:Assertion", names)!;
            var forged = (XmlElement)original.CloneNode(true);
            forged.SelectSingleNode("saml:AttributeStatement/saml:Attribute[@Name='https://aws.amazon.com/SAML/Attributes/Role']/saml:AttributeValue", names)!
                .InnerText = $"{Admins},{Corp}";
            var extensions = document.CreateElement("samlp", "Extensions", SamlXml.Protocol);
            response.ReplaceChild(forged, original);
            response.InsertBefore(extensions, response.FirstChild);
            extensions.AppendChild(original);
        });

        var response = await factory.AssumeRoleWithSaml(Admins, Corp, wrapped);

        response.ErrorCode.Should().Be("InvalidIdentityToken");
        response.ErrorMessage.Should().Be("Response signature invalid");
    }

    [Fact]
    public async Task An_expired_assertion_is_ExpiredTokenException()
    {
        var assertion = await Mint(new { subject = "alice", roles = new[] { $"{Admins},{Corp}" }, lifetimeSeconds = 60 });
        var http = factory.CreateClient();
        await http.PostAsJsonAsync("/_emulator/clock", new { offsetSeconds = 120 });

        var response = await factory.AssumeRoleWithSaml(Admins, Corp, assertion);
        await http.PostAsJsonAsync("/_emulator/clock", new { reset = true });

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("ExpiredTokenException");
        response.ErrorMessage.Should().StartWith("Token expired: current date/time ");
    }

    [Fact]
    public async Task An_assertion_before_its_NotBefore_is_InvalidIdentityToken()
    {
        var assertion = await Mint(new { subject = "alice", roles = new[] { $"{Admins},{Corp}" } });
        var http = factory.CreateClient();
        await http.PostAsJsonAsync("/_emulator/clock", new { offsetSeconds = -600 });

        var response = await factory.AssumeRoleWithSaml(Admins, Corp, assertion);
        await http.PostAsJsonAsync("/_emulator/clock", new { reset = true });

        response.ErrorCode.Should().Be("InvalidIdentityToken");
        response.ErrorMessage.Should().StartWith("Assertion is not yet valid");
    }

    [Fact]
    public async Task A_role_the_assertion_does_not_grant_is_AccessDenied()
    {
        var assertion = await Mint(new { subject = "alice", roles = new[] { $"{Plain},{Corp}" } });

        var response = await factory.AssumeRoleWithSaml(Admins, Corp, assertion);

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.ErrorCode.Should().Be("AccessDenied");
        response.ErrorMessage.Should().Be("Not authorized to perform sts:AssumeRoleWithSAML");
    }

    [Fact]
    public async Task A_trust_policy_testing_saml_keys_allows_matching_assertions_only()
    {
        var matching = await Mint(new { subject = "alice", roles = new[] { $"{MailGated},{Corp}" },
            attributes = new Dictionary<string, object> { ["urn:oid:0.9.2342.19200300.100.1.3"] = "alice@example.com" } });
        var otherMail = await Mint(new { subject = "eve", roles = new[] { $"{MailGated},{Corp}" },
            attributes = new Dictionary<string, object> { ["urn:oid:0.9.2342.19200300.100.1.3"] = new[] { "eve@evil.test" } } });
        var transient = await Mint(new { subject = "alice", nameIdFormat = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient", roles = new[] { $"{MailGated},{Corp}" },
            attributes = new Dictionary<string, object> { ["urn:oid:0.9.2342.19200300.100.1.3"] = "alice@example.com" } });

        var allowed = await factory.AssumeRoleWithSaml(MailGated, Corp, matching);
        var denied = await factory.AssumeRoleWithSaml(MailGated, Corp, otherMail);
        var wrongType = await factory.AssumeRoleWithSaml(MailGated, Corp, transient);

        allowed.Status.Should().Be(HttpStatusCode.OK);
        denied.ErrorCode.Should().Be("AccessDenied");
        denied.ErrorMessage.Should().Be("Not authorized to perform sts:AssumeRoleWithSAML");
        wrongType.ErrorCode.Should().Be("AccessDenied");
    }

    [Fact]
    public async Task Without_a_RoleSessionName_attribute_the_assertion_is_refused()
    {
        var missing = await Mint(new { subject = "alice", roles = new[] { $"{Admins},{Corp}" }, roleSessionName = "" });
        var invalid = await Mint(new { subject = "alice", roles = new[] { $"{Admins},{Corp}" }, roleSessionName = "has space" });

        var withoutName = await factory.AssumeRoleWithSaml(Admins, Corp, missing);
        var badName = await factory.AssumeRoleWithSaml(Admins, Corp, invalid);

        withoutName.ErrorCode.Should().Be("InvalidIdentityToken");
        withoutName.ErrorMessage.Should().Be("RoleSessionName is required in AuthnResponse");
        badName.ErrorCode.Should().Be("InvalidIdentityToken");
        badName.ErrorMessage.Should().Be("RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}");
    }

    [Fact]
    public async Task An_assertion_for_another_audience_or_recipient_is_refused()
    {
        var audience = await Mint(new { subject = "alice", roles = new[] { $"{Admins},{Corp}" }, audience = "https://app.example.com" });
        var recipient = await Mint(new { subject = "alice", roles = new[] { $"{Admins},{Corp}" }, recipient = "https://app.example.com/acs" });

        var wrongAudience = await factory.AssumeRoleWithSaml(Admins, Corp, audience);
        var wrongRecipient = await factory.AssumeRoleWithSaml(Admins, Corp, recipient);

        wrongAudience.ErrorCode.Should().Be("InvalidIdentityToken");
        wrongAudience.ErrorMessage.Should().Be("Response does not contain the required audience.");
        wrongRecipient.ErrorCode.Should().Be("InvalidIdentityToken");
        wrongRecipient.ErrorMessage.Should().Contain("Recipient");
    }

    [Fact]
    public async Task An_unknown_provider_or_one_for_another_issuer_is_refused()
    {
        var assertion = await Mint(new { subject = "alice", roles = new[] { $"{Admins},{Corp}" } });

        var unknown = await factory.AssumeRoleWithSaml(Admins, $"arn:aws:iam::{Account}:saml-provider/ghost", assertion);
        var otherIssuer = await factory.AssumeRoleWithSaml(Admins, OtherIssuer, assertion);

        unknown.ErrorCode.Should().Be("InvalidIdentityToken");
        unknown.ErrorMessage.Should().Be("Specified provider doesn't exist.");
        otherIssuer.ErrorCode.Should().Be("InvalidIdentityToken");
        otherIssuer.ErrorMessage.Should().Be("Issuer not present in specified provider");
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("PG5vdC14bWw=")]
    [InlineData("PHNhbWw6QXNzZXJ0aW9uIHhtbG5zOnNhbWw9InVybjpvYXNpczpuYW1lczp0YzpTQU1MOjIuMDphc3NlcnRpb24iLz4=")]
    public async Task Something_that_is_not_a_base64_SAML_response_is_InvalidIdentityToken(string assertion)
    {
        await Providers();

        var response = await factory.AssumeRoleWithSaml(Admins, Corp, assertion);

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("InvalidIdentityToken");
    }

    [Fact]
    public async Task A_response_whose_status_is_not_Success_is_IDPRejectedClaim()
    {
        var genuine = await Mint(new { subject = "alice", roles = new[] { $"{Admins},{Corp}" } });
        // The Status sits outside the signed Assertion, so the signature still verifies.
        var failed = Edit(genuine, (document, names) =>
            ((XmlElement)document.SelectSingleNode("//samlp:StatusCode", names)!).SetAttribute("Value", "urn:oasis:names:tc:SAML:2.0:status:Requester"));

        var response = await factory.AssumeRoleWithSaml(Admins, Corp, failed);

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.ErrorCode.Should().Be("IDPRejectedClaim");
    }

    [Fact]
    public async Task A_SourceIdentity_attribute_needs_SetSourceIdentity_and_is_answered()
    {
        var attributes = new Dictionary<string, object> { [SamlAttributes.SourceIdentity] = "alice-src" };
        var toAdmins = await Mint(new { subject = "alice", roles = new[] { $"{Admins},{Corp}" }, attributes });
        var toPlain = await Mint(new { subject = "alice", roles = new[] { $"{Plain},{Corp}" }, attributes });
        var reserved = await Mint(new { subject = "alice", roles = new[] { $"{Admins},{Corp}" },
            attributes = new Dictionary<string, object> { [SamlAttributes.SourceIdentity] = "aws:me" } });

        var allowed = await factory.AssumeRoleWithSaml(Admins, Corp, toAdmins);
        var denied = await factory.AssumeRoleWithSaml(Plain, Corp, toPlain);
        var refused = await factory.AssumeRoleWithSaml(Admins, Corp, reserved);

        allowed.Value("SourceIdentity").Should().Be("alice-src");
        denied.ErrorCode.Should().Be("AccessDenied");
        denied.ErrorMessage.Should().Be("Not authorized to perform sts:SetSourceIdentity");
        refused.ErrorCode.Should().Be("InvalidIdentityToken");
        refused.ErrorMessage.Should().Be("Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with \"aws:\"");
    }

    [Fact]
    public async Task PrincipalTag_attributes_are_session_tags_needing_TagSession()
    {
        var attributes = new Dictionary<string, object> { [SamlAttributes.PrincipalTagPrefix + "team"] = "web" };
        var tagged = await Mint(new { subject = "alice", roles = new[] { $"{Tagged},{Corp}" }, attributes });
        var plain = await Mint(new { subject = "alice", roles = new[] { $"{Plain},{Corp}" }, attributes });

        var allowed = await factory.AssumeRoleWithSaml(Tagged, Corp, tagged);
        var denied = await factory.AssumeRoleWithSaml(Plain, Corp, plain);

        allowed.Status.Should().Be(HttpStatusCode.OK);
        allowed.Value("PackedPolicySize").Should().NotBeNull();
        denied.ErrorMessage.Should().Be("Not authorized to perform sts:TagSession");
    }

    [Fact]
    public async Task Session_tags_beyond_the_packed_budget_are_PackedPolicyTooLarge()
    {
        var random = new Random(7);
        var attributes = Enumerable.Range(1, 50).ToDictionary(i => $"{SamlAttributes.PrincipalTagPrefix}k{i}",
            _ => (object)new string(Enumerable.Range(0, 256).Select(_ => (char)('a' + random.Next(26))).ToArray()));
        var assertion = await Mint(new { subject = "alice", roles = new[] { $"{Tagged},{Corp}" }, attributes });

        var response = await factory.AssumeRoleWithSaml(Tagged, Corp, assertion);

        response.ErrorCode.Should().Be("PackedPolicyTooLarge");
        response.ErrorMessage.Should().MatchRegex(@"^Packed policy consumes \d+% of allotted space, please use smaller policy\.$");
    }

    [Fact]
    public async Task A_malformed_session_policy_is_MalformedPolicyDocument()
    {
        var assertion = await Mint(new { subject = "alice", roles = new[] { $"{Admins},{Corp}" } });

        var response = await factory.AssumeRoleWithSaml(Admins, Corp, assertion,
            ("Policy", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListRoles"}]}"""));

        response.ErrorCode.Should().Be("MalformedPolicyDocument");
    }

    [Fact]
    public async Task Parameters_outside_the_model_are_ValidationError_without_echoing_the_assertion()
    {
        await Providers();
        var body = IamTestClient.Form([("Action", "AssumeRoleWithSAML"), ("Version", "2011-06-15"), ("RoleArn", Admins), ("SAMLAssertion", "abc")]);
        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };

        var response = await factory.Iam().SendRaw(request);
        var shortDuration = await factory.AssumeRoleWithSaml(Admins, Corp, "PHNhbWw+", ("DurationSeconds", "100"));

        response.ErrorCode.Should().Be("ValidationError");
        response.ErrorMessage.Should().Be("2 validation errors detected: Value null at 'principalArn' failed to satisfy constraint: Member must not be null; "
            + "Value at 'sAMLAssertion' failed to satisfy constraint: Member must have length greater than or equal to 4");
        shortDuration.ErrorMessage.Should().Be("1 validation error detected: Value '100' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900");
    }

    [Fact]
    public async Task The_metadata_endpoint_serves_the_signing_certificate_and_minting_checks_its_input()
    {
        var metadata = SamlMetadata.Parse(await factory.SamlMetadata());
        var http = factory.CreateClient();

        var noSubject = await http.PostAsJsonAsync("/_emulator/saml/assertion", new { roles = new[] { $"{Admins},{Corp}" } });
        var badRole = await http.PostAsJsonAsync("/_emulator/saml/assertion", new { subject = "a", roles = new[] { Admins } });
        var badLifetime = await http.PostAsJsonAsync("/_emulator/saml/assertion", new { subject = "a", lifetimeSeconds = 0 });
        var badAttributes = await http.PostAsJsonAsync("/_emulator/saml/assertion", new { subject = "a", attributes = new { n = 1 } });

        metadata.Should().NotBeNull();
        metadata!.EntityId.Should().Be("https://saml.emulator.test");
        metadata.SigningCertificates.Should().ContainSingle();
        noSubject.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        badRole.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        badLifetime.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        badAttributes.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
