using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using Emulator.Core.Identifiers;
using Emulator.Core.Saml;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Saml;

public sealed class SamlProviderTests : IClassFixture<SamlProviderTests.Factory>
{
    private const string Seed = """
        {"accounts":[{"id":"123456789012","rootAccessKeyId":"AKIAIOSFODNN7EXAMPLE","rootSecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          "users":[{"UserName":"operator","AccessKeys":[{"AccessKeyId":"AKIAOPERATOR00000001","SecretAccessKey":"operator-secret"}],
            "Policies":[{"PolicyName":"corp-only","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
              "Action":["iam:GetSAMLProvider","iam:CreateSAMLProvider"],"Resource":"arn:aws:iam::123456789012:saml-provider/corp-*"}]}}]}]}]}
        """;

    private readonly Factory factory;

    public SamlProviderTests(Factory factory) => this.factory = factory;

    public sealed class Factory() : EmulatorFactory(Seed);

    private IamTestClient Iam => factory.Iam();

    private static string Arn(string name) => $"arn:aws:iam::123456789012:saml-provider/{name}";

    /// <summary>Metadata of another identity provider (its own key and entity id), as a test's outside IdP would publish.</summary>
    private static string OtherMetadata(string entityId = "https://idp.example.com/saml") =>
        new SamlIdentityProvider(entityId, SamlIdentityProvider.NewKey(), new IdGenerator(new CryptoRandomSource())).Metadata("https://idp.example.com/sso");

    /// <summary>Well-formed text that is not IdP metadata, padded past the 1000-character minimum with a comment.</summary>
    private static string Padded(string xml) => $"<!-- {new string('.', 1000)} -->{xml}";

    private Task<IamResponse> Create(string name, string metadata, params (string Name, string Value)[] extra) =>
        Iam.Call("CreateSAMLProvider", [("Name", name), ("SAMLMetadataDocument", metadata), .. extra]);

    [Fact]
    public async Task CreateSAMLProvider_with_the_built_in_IdP_metadata_is_readable_with_get_and_list()
    {
        var metadata = await factory.SamlMetadata();

        var created = await Create("okta-like", metadata, ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "identity"));
        var got = await Iam.Call("GetSAMLProvider", ("SAMLProviderArn", Arn("okta-like")));
        var listed = await Iam.Call("ListSAMLProviders");

        created.Status.Should().Be(HttpStatusCode.OK);
        created.Value("SAMLProviderArn").Should().Be(Arn("okta-like"));
        created.Value("Key").Should().Be("team");
        got.Value("SAMLMetadataDocument").Should().Be(metadata);
        var createDate = DateTimeOffset.Parse(got.Value("CreateDate")!, System.Globalization.CultureInfo.InvariantCulture);
        createDate.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        // Metadata without validUntil: IAM keeps the provider valid for 100 years.
        DateTimeOffset.Parse(got.Value("ValidUntil")!, System.Globalization.CultureInfo.InvariantCulture).Should().Be(createDate.AddYears(100));
        got.Value("Value").Should().Be("identity");
        var entry = listed.All("member").Single(m => m.Elements().Any(e => e.Name.LocalName == "Arn" && e.Value == Arn("okta-like")));
        entry.Elements().Select(e => e.Name.LocalName).Should().Equal("Arn", "ValidUntil", "CreateDate");
    }

    [Fact]
    public async Task The_metadata_validUntil_is_the_providers_ValidUntil()
    {
        var metadata = XDocument.Parse(OtherMetadata());
        metadata.Root!.SetAttributeValue("validUntil", "2031-05-06T07:08:09Z");

        await Create("dated", metadata.ToString(SaveOptions.DisableFormatting));
        var got = await Iam.Call("GetSAMLProvider", ("SAMLProviderArn", Arn("dated")));

        got.Value("ValidUntil").Should().Be("2031-05-06T07:08:09Z");
    }

    [Fact]
    public async Task Creating_a_provider_name_twice_is_EntityAlreadyExists()
    {
        await Create("twice", OtherMetadata());

        var again = await Create("twice", OtherMetadata());

        again.Status.Should().Be(HttpStatusCode.Conflict);
        again.ErrorCode.Should().Be("EntityAlreadyExists");
        again.ErrorMessage.Should().Be("Provider with name twice already exists.");
    }

    [Theory]
    [InlineData("not xml at all <<<")]
    [InlineData("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://sp.example.com\"><md:SPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"/></md:EntityDescriptor>")]
    [InlineData("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://idp.example.com\"><md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"/></md:EntityDescriptor>")]
    [InlineData("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"https://idp.example.com\"><md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"><md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>bm90IGEgY2VydGlmaWNhdGU=</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor></md:IDPSSODescriptor></md:EntityDescriptor>")]
    [InlineData("<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"/>")]
    public async Task Metadata_that_is_not_IdP_metadata_with_a_signing_certificate_is_InvalidInput(string xml)
    {
        var response = await Create("broken", Padded(xml));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("InvalidInput");
        response.ErrorMessage.Should().Be("Could not parse metadata");
    }

    [Fact]
    public async Task Metadata_with_only_an_encryption_certificate_is_InvalidInput()
    {
        var metadata = OtherMetadata().Replace("use=\"signing\"", "use=\"encryption\"", StringComparison.Ordinal);

        var response = await Create("encryption-only", metadata);

        response.ErrorCode.Should().Be("InvalidInput");
    }

    [Fact]
    public async Task Metadata_with_a_DTD_is_refused_without_expanding_it()
    {
        var metadata = "<!DOCTYPE md [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + OtherMetadata().Replace("https://idp.example.com/saml", "&xxe;", StringComparison.Ordinal);

        var response = await Create("dtd", metadata);

        response.ErrorCode.Should().Be("InvalidInput");
        response.ErrorMessage.Should().Be("Could not parse metadata");
    }

    [Fact]
    public async Task Parameters_outside_the_model_are_ValidationError()
    {
        var shortDocument = await Create("short", "<x/>");
        var badName = await Create("bad name!", OtherMetadata());
        var noName = await Iam.Call("CreateSAMLProvider", ("SAMLMetadataDocument", OtherMetadata()));
        var badMode = await Create("mode", OtherMetadata(), ("AssertionEncryptionMode", "Sometimes"));

        shortDocument.ErrorCode.Should().Be("ValidationError");
        shortDocument.ErrorMessage.Should().Be("1 validation error detected: Value at 'sAMLMetadataDocument' failed to satisfy constraint: Member must have length greater than or equal to 1000");
        badName.ErrorMessage.Should().Be("1 validation error detected: Value at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w._-]+");
        noName.ErrorMessage.Should().Be("1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null");
        badMode.ErrorMessage.Should().Be("1 validation error detected: Value at 'assertionEncryptionMode' failed to satisfy constraint: Member must satisfy enum value set: [Required, Allowed]");
    }

    [Fact]
    public async Task Encryption_mode_Allowed_is_kept_and_private_keys_are_refused()
    {
        await Create("allowed", OtherMetadata(), ("AssertionEncryptionMode", "Allowed"));

        var got = await Iam.Call("GetSAMLProvider", ("SAMLProviderArn", Arn("allowed")));
        var required = await Create("required", OtherMetadata(), ("AssertionEncryptionMode", "Required"));
        var withKey = await Create("keyed", OtherMetadata(), ("AddPrivateKey", "-----BEGIN PRIVATE KEY-----"));

        got.Value("AssertionEncryptionMode").Should().Be("Allowed");
        required.ErrorCode.Should().Be("InvalidInput");
        required.ErrorMessage.Should().Be("Unable to set assertion encryption mode to Required because no private key is provided.");
        withKey.ErrorCode.Should().Be("InvalidInput");
        (await Iam.Call("GetSAMLProvider", ("SAMLProviderArn", Arn("keyed")))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task UpdateSAMLProvider_replaces_the_metadata_and_needs_something_to_update()
    {
        await Create("rotated", OtherMetadata());
        var replacement = OtherMetadata("https://new-idp.example.com/saml");

        var updated = await Iam.Call("UpdateSAMLProvider", ("SAMLProviderArn", Arn("rotated")), ("SAMLMetadataDocument", replacement));
        var got = await Iam.Call("GetSAMLProvider", ("SAMLProviderArn", Arn("rotated")));
        var nothing = await Iam.Call("UpdateSAMLProvider", ("SAMLProviderArn", Arn("rotated")));
        var unparsable = await Iam.Call("UpdateSAMLProvider", ("SAMLProviderArn", Arn("rotated")), ("SAMLMetadataDocument", Padded("<x/>")));
        var missing = await Iam.Call("UpdateSAMLProvider", ("SAMLProviderArn", Arn("never")), ("SAMLMetadataDocument", replacement));

        updated.Value("SAMLProviderArn").Should().Be(Arn("rotated"));
        got.Value("SAMLMetadataDocument").Should().Be(replacement);
        nothing.ErrorCode.Should().Be("InvalidInput");
        nothing.ErrorMessage.Should().Be("Unable to update identity provider. No updates are defined for metadata or encryption assertion.");
        unparsable.ErrorMessage.Should().Be("Could not parse metadata");
        (await Iam.Call("GetSAMLProvider", ("SAMLProviderArn", Arn("rotated")))).Value("SAMLMetadataDocument").Should().Be(replacement);
        missing.Status.Should().Be(HttpStatusCode.NotFound);
        missing.ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task A_deleted_or_unknown_provider_is_NoSuchEntity()
    {
        await Create("doomed", OtherMetadata());

        var deleted = await Iam.Call("DeleteSAMLProvider", ("SAMLProviderArn", Arn("doomed")));
        var get = await Iam.Call("GetSAMLProvider", ("SAMLProviderArn", Arn("doomed")));
        var deleteAgain = await Iam.Call("DeleteSAMLProvider", ("SAMLProviderArn", Arn("doomed")));
        var shortArn = await Iam.Call("GetSAMLProvider", ("SAMLProviderArn", "arn:short"));

        deleted.Status.Should().Be(HttpStatusCode.OK);
        get.Status.Should().Be(HttpStatusCode.NotFound);
        get.ErrorCode.Should().Be("NoSuchEntity");
        get.ErrorMessage.Should().Be($"Manifest not found for arn {Arn("doomed")}");
        deleteAgain.ErrorCode.Should().Be("NoSuchEntity");
        shortArn.ErrorCode.Should().Be("ValidationError");
        (await Iam.Call("ListSAMLProviders")).All("Arn").Select(a => a.Value).Should().NotContain(Arn("doomed"));
    }

    [Fact]
    public async Task Tags_are_added_replaced_listed_and_removed()
    {
        await Create("tagged", OtherMetadata(), ("Tags.member.1.Key", "env"), ("Tags.member.1.Value", "dev"));

        await Iam.Call("TagSAMLProvider", ("SAMLProviderArn", Arn("tagged")), ("Tags.member.1.Key", "env"), ("Tags.member.1.Value", "prod"),
            ("Tags.member.2.Key", "owner"), ("Tags.member.2.Value", "ops"));
        var listed = await Iam.Call("ListSAMLProviderTags", ("SAMLProviderArn", Arn("tagged")));
        await Iam.Call("UntagSAMLProvider", ("SAMLProviderArn", Arn("tagged")), ("TagKeys.member.1", "env"));
        var after = await Iam.Call("ListSAMLProviderTags", ("SAMLProviderArn", Arn("tagged")));
        var unknown = await Iam.Call("TagSAMLProvider", ("SAMLProviderArn", Arn("nope")), ("Tags.member.1.Key", "a"), ("Tags.member.1.Value", "b"));

        listed.All("member").Select(m => $"{m.Elements().First().Value}={m.Elements().Last().Value}").Should().BeEquivalentTo("env=prod", "owner=ops");
        listed.Value("IsTruncated").Should().Be("false");
        after.All("Key").Select(k => k.Value).Should().Equal("owner");
        unknown.ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task Every_operation_is_authorized_as_its_IAM_action_on_the_provider_ARN()
    {
        var operatorClient = factory.Iam("AKIAOPERATOR00000001", "operator-secret");
        await Create("other", OtherMetadata());

        var allowedCreate = await operatorClient.Call("CreateSAMLProvider", ("Name", "corp-idp"), ("SAMLMetadataDocument", OtherMetadata()));
        var deniedCreate = await operatorClient.Call("CreateSAMLProvider", ("Name", "rogue"), ("SAMLMetadataDocument", OtherMetadata()));
        var allowedGet = await operatorClient.Call("GetSAMLProvider", ("SAMLProviderArn", Arn("corp-idp")));
        var deniedGet = await operatorClient.Call("GetSAMLProvider", ("SAMLProviderArn", Arn("other")));
        var deniedList = await operatorClient.Call("ListSAMLProviders");

        allowedCreate.Status.Should().Be(HttpStatusCode.OK);
        deniedCreate.ErrorCode.Should().Be("AccessDenied");
        deniedCreate.ErrorMessage.Should().StartWith($"User: arn:aws:iam::123456789012:user/operator is not authorized to perform: iam:CreateSAMLProvider on resource: {Arn("rogue")}");
        allowedGet.Status.Should().Be(HttpStatusCode.OK);
        deniedGet.ErrorMessage.Should().StartWith($"User: arn:aws:iam::123456789012:user/operator is not authorized to perform: iam:GetSAMLProvider on resource: {Arn("other")}");
        deniedList.ErrorMessage.Should().Contain("iam:ListSAMLProviders");
    }
}
