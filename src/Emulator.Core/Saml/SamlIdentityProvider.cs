using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Emulator.Core.Identifiers;

namespace Emulator.Core.Saml;

/// <summary>
/// The emulator's built-in SAML 2.0 identity provider, for testing AssumeRoleWithSAML without an
/// outside IdP: it publishes metadata with its signing certificate (to register with
/// CreateSAMLProvider) and signs SAML responses whose Assertion carries an enveloped RSA-SHA256 signature.
/// </summary>
public sealed class SamlIdentityProvider
{
    public const string DefaultEntityId = "https://saml.emulator.test";

    private static readonly XNamespace Md = SamlXml.Metadata;
    private static readonly XNamespace Ds = SamlXml.Signature;
    private static readonly XNamespace Samlp = SamlXml.Protocol;
    private static readonly XNamespace Saml = SamlXml.Assertion;

    private readonly RSA key;
    private readonly X509Certificate2 certificate;
    private readonly IdGenerator ids;

    /// <param name="privateKey">The signing key as PKCS#8 (<see cref="NewKey"/>), kept by the store so registered metadata stays valid across restarts and replicas.</param>
    public SamlIdentityProvider(string entityId, byte[] privateKey, IdGenerator ids)
    {
        EntityId = entityId;
        this.ids = ids;
        key = RSA.Create();
        key.ImportPkcs8PrivateKey(privateKey, out _);
        certificate = Certificate(key, new Uri(entityId).Host);
    }

    public string EntityId { get; }

    /// <summary>The signing certificate as base64 DER, as it appears in the metadata.</summary>
    public string CertificateBase64 => Convert.ToBase64String(certificate.RawData);

    /// <summary>A new 2048-bit RSA signing key as PKCS#8.</summary>
    public static byte[] NewKey()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKey();
    }

    /// <summary>The IdP's SAML 2.0 metadata; <paramref name="singleSignOnLocation"/> is where its assertions are requested.</summary>
    public string Metadata(string singleSignOnLocation) => new XElement(Md + "EntityDescriptor",
        new XAttribute(XNamespace.Xmlns + "md", Md.NamespaceName),
        new XAttribute(XNamespace.Xmlns + "ds", Ds.NamespaceName),
        new XAttribute("entityID", EntityId),
        new XElement(Md + "IDPSSODescriptor",
            new XAttribute("WantAuthnRequestsSigned", "false"),
            new XAttribute("protocolSupportEnumeration", SamlXml.Protocol),
            new XElement(Md + "KeyDescriptor", new XAttribute("use", "signing"),
                new XElement(Ds + "KeyInfo", new XElement(Ds + "X509Data", new XElement(Ds + "X509Certificate", CertificateBase64)))),
            new XElement(Md + "NameIDFormat", SamlAttributes.PersistentFormat),
            new XElement(Md + "NameIDFormat", "urn:oasis:names:tc:SAML:2.0:nameid-format:transient"),
            new XElement(Md + "NameIDFormat", "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"),
            new XElement(Md + "SingleSignOnService",
                new XAttribute("Binding", "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"), new XAttribute("Location", singleSignOnLocation))))
        .ToString(SaveOptions.DisableFormatting);

    /// <summary>A SAML response for <paramref name="request"/>, its Assertion signed, base64-encoded as IdPs post it to AWS.</summary>
    public string Mint(SamlAssertionRequest request, DateTimeOffset now)
    {
        var expires = now + request.Lifetime;
        var assertionId = "_" + ids.Hex(32);
        var attributes = new List<XElement>();
        if (request.Roles.Count > 0)
        {
            attributes.Add(Attribute(SamlAttributes.Role, request.Roles));
        }

        if (request.RoleSessionName is not null)
        {
            attributes.Add(Attribute(SamlAttributes.RoleSessionName, [request.RoleSessionName]));
        }

        if (request.SessionDuration is { } duration)
        {
            attributes.Add(Attribute(SamlAttributes.SessionDuration, [duration.ToString(CultureInfo.InvariantCulture)]));
        }

        attributes.AddRange(request.Attributes.Select(a => Attribute(a.Key, a.Value)));
        var response = new XElement(Samlp + "Response",
            new XAttribute(XNamespace.Xmlns + "samlp", Samlp.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "saml", Saml.NamespaceName),
            new XAttribute("ID", "_" + ids.Hex(32)), new XAttribute("Version", "2.0"), new XAttribute("IssueInstant", Time(now)),
            new XAttribute("Destination", request.Recipient),
            new XElement(Saml + "Issuer", EntityId),
            new XElement(Samlp + "Status", new XElement(Samlp + "StatusCode", new XAttribute("Value", SamlXml.Success))),
            new XElement(Saml + "Assertion",
                new XAttribute("ID", assertionId), new XAttribute("Version", "2.0"), new XAttribute("IssueInstant", Time(now)),
                new XElement(Saml + "Issuer", EntityId),
                new XElement(Saml + "Subject",
                    new XElement(Saml + "NameID", new XAttribute("Format", request.NameIdFormat), request.Subject),
                    new XElement(Saml + "SubjectConfirmation", new XAttribute("Method", SamlXml.Bearer),
                        new XElement(Saml + "SubjectConfirmationData", new XAttribute("NotOnOrAfter", Time(expires)), new XAttribute("Recipient", request.Recipient)))),
                new XElement(Saml + "Conditions", new XAttribute("NotBefore", Time(now)), new XAttribute("NotOnOrAfter", Time(expires)),
                    new XElement(Saml + "AudienceRestriction", new XElement(Saml + "Audience", request.Audience))),
                new XElement(Saml + "AuthnStatement", new XAttribute("AuthnInstant", Time(now)), new XAttribute("SessionIndex", assertionId),
                    new XElement(Saml + "AuthnContext",
                        new XElement(Saml + "AuthnContextClassRef", "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"))),
                attributes.Count > 0 ? new XElement(Saml + "AttributeStatement", attributes) : null));

        var document = SamlXml.Load(response.ToString(SaveOptions.DisableFormatting))!;
        var assertion = SamlXml.Single(document.DocumentElement, SamlXml.Assertion, "Assertion")!;
        SamlSignature.Sign(assertion, SamlXml.Single(assertion, SamlXml.Assertion, "Issuer")!, key, certificate);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(document.OuterXml));
    }

    private static XElement Attribute(string name, IEnumerable<string> values) => new(Saml + "Attribute",
        new XAttribute("Name", name),
        values.Select(v => new XElement(Saml + "AttributeValue", v)));

    private static string Time(DateTimeOffset time) => XmlConvert.ToString(time.UtcDateTime, "yyyy-MM-ddTHH:mm:ssZ");

    /// <summary>
    /// A self-signed certificate for the key. Its dates and serial number are fixed and PKCS#1 v1.5
    /// signatures are deterministic, so the same key always yields the same certificate (and metadata).
    /// </summary>
    private static X509Certificate2 Certificate(RSA key, string host)
    {
        var subject = new X500DistinguishedName($"CN={host}");
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var serial = SHA256.HashData(key.ExportSubjectPublicKeyInfo())[..8];
        serial[0] &= 0x7F; // a positive serial number, as X.509 requires
        return request.Create(subject, X509SignatureGenerator.CreateForRSA(key, RSASignaturePadding.Pkcs1),
            new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2120, 1, 1, 0, 0, 0, TimeSpan.Zero), serial);
    }
}
