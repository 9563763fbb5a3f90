using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Emulator.Core.Errors;
using Emulator.Core.Iam.Saml;
using Emulator.Core.Iam.Tags;
using Emulator.Core.Saml;
using Emulator.Core.Store;

namespace Emulator.Core.Sts;

/// <summary>
/// AssumeRoleWithSAML's checks of the assertion: a base64 SAML response, the SAML provider it names,
/// the provider's issuer, a signature by one of the provider's certificates over the very Assertion
/// that is read, its validity window on the emulator clock, AWS as audience and recipient, the
/// requested (role, provider) pair among its Role values, and a RoleSessionName.
/// </summary>
public sealed partial class SamlAssertionVerifier(IEmulatorStore store, TimeProvider clock)
{
    /// <summary>Audiences AWS accepts: its sign-in endpoint (global or regional) and the URN ADFS-style IdPs use.</summary>
    [GeneratedRegex(@"^(https://signin\.aws\.amazon\.com/saml|https://[a-z0-9-]+\.signin\.aws\.amazon\.com/saml|urn:amazon:webservices)$")]
    private static partial Regex AwsAudience();

    [GeneratedRegex(@"^https://([a-z0-9-]+\.)?signin\.aws\.amazon\.com/saml$")]
    private static partial Regex AwsRecipient();

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$")]
    private static partial Regex SessionName();

    public (SamlAssertion Assertion, SamlProvider Provider) Verify(string samlResponse, string roleArn, string principalArn)
    {
        var document = Decode(samlResponse);
        var response = document.DocumentElement!;
        var provider = store.Read(state => SamlProviderOperations.Find(state, principalArn))
            ?? throw Invalid("Specified provider doesn't exist.");

        // The IdP itself said the sign-in failed: AWS's IDPRejectedClaim.
        var status = SamlXml.Single(SamlXml.Single(response, SamlXml.Protocol, "Status"), SamlXml.Protocol, "StatusCode")?.GetAttribute("Value");
        if (status != SamlXml.Success)
        {
            throw new AwsError("IDPRejectedClaim", $"The identity provider reported that authentication failed (status {status ?? "missing"}).", 403).ToException();
        }

        if (SamlXml.Children(response, SamlXml.Assertion, "EncryptedAssertion").Any())
        {
            throw Invalid("The emulator does not decrypt SAML assertions; send the Assertion unencrypted.");
        }

        // Exactly one Assertion, a direct child of the Response: it is both what is verified and what is read.
        var assertion = SamlXml.Single(response, SamlXml.Assertion, "Assertion") ?? throw Invalid("The SAML response must contain exactly one Assertion.");
        var issuer = SamlXml.Single(assertion, SamlXml.Assertion, "Issuer")?.InnerText.Trim();
        if (issuer != provider.EntityId)
        {
            throw Invalid("Issuer not present in specified provider");
        }

        // The Assertion signed itself, or the Response around it is signed; every signature present must verify.
        var assertionSigned = SamlSignature.IsSigned(assertion);
        var responseSigned = SamlSignature.IsSigned(response);
        if ((!assertionSigned && !responseSigned)
            || (assertionSigned && !SamlSignature.Verifies(assertion, provider.SigningCertificates))
            || (responseSigned && !SamlSignature.Verifies(response, provider.SigningCertificates)))
        {
            throw Invalid("Response signature invalid");
        }

        var now = clock.GetUtcNow();
        var conditions = SamlXml.Single(assertion, SamlXml.Assertion, "Conditions");
        if (SamlXml.Time(conditions, "NotBefore") is { } notBefore && now < notBefore)
        {
            throw Invalid($"Assertion is not yet valid: current date/time {Format(now)} is before NotBefore {Format(notBefore)}");
        }

        if (SamlXml.Time(conditions, "NotOnOrAfter") is { } notOnOrAfter && now >= notOnOrAfter)
        {
            throw Expired(now, notOnOrAfter);
        }

        var audiences = conditions is null
            ? []
            : SamlXml.Children(conditions, SamlXml.Assertion, "AudienceRestriction")
                .SelectMany(r => SamlXml.Children(r, SamlXml.Assertion, "Audience")).Select(a => a.InnerText.Trim()).ToList();
        if (!audiences.Any(a => AwsAudience().IsMatch(a)))
        {
            throw Invalid("Response does not contain the required audience.");
        }

        var subject = SamlXml.Single(assertion, SamlXml.Assertion, "Subject");
        var confirmation = subject is null
            ? null
            : SamlXml.Children(subject, SamlXml.Assertion, "SubjectConfirmation")
                .Where(c => c.GetAttribute("Method") == SamlXml.Bearer)
                .Select(c => SamlXml.Single(c, SamlXml.Assertion, "SubjectConfirmationData"))
                .FirstOrDefault(d => d is not null && AwsRecipient().IsMatch(d.GetAttribute("Recipient")));
        if (confirmation is null)
        {
            throw Invalid($"Response does not contain a bearer SubjectConfirmation whose Recipient is {SamlAttributes.SignInEndpoint}.");
        }

        if (SamlXml.Time(confirmation, "NotOnOrAfter") is { } confirmBy && now >= confirmBy)
        {
            throw Expired(now, confirmBy);
        }

        var attributes = Attributes(assertion);
        // AWS accepts the pair in either order ("role,provider" or "provider,role"), and refuses a role the IdP did not grant like an untrusting one.
        var roles = attributes.GetValueOrDefault(SamlAttributes.Role) ?? [];
        if (!roles.Any(value => Pair(value) is var (first, second)
            && ((first == roleArn && second == principalArn) || (first == principalArn && second == roleArn))))
        {
            throw IamErrors.AccessDenied("Not authorized to perform sts:AssumeRoleWithSAML");
        }

        var sessionName = attributes.GetValueOrDefault(SamlAttributes.RoleSessionName)?.FirstOrDefault()
            ?? throw Invalid("RoleSessionName is required in AuthnResponse");
        if (!SessionName().IsMatch(sessionName))
        {
            throw Invalid("RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}");
        }

        var sourceIdentity = attributes.GetValueOrDefault(SamlAttributes.SourceIdentity)?.FirstOrDefault();
        if (sourceIdentity is not null && (!SessionName().IsMatch(sourceIdentity) || sourceIdentity.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)))
        {
            throw Invalid("Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with \"aws:\"");
        }

        var tags = attributes.Where(a => a.Key.StartsWith(SamlAttributes.PrincipalTagPrefix, StringComparison.Ordinal) && a.Value.Count > 0)
            .Select(a => new Tag(a.Key[SamlAttributes.PrincipalTagPrefix.Length..], a.Value[0])).ToList();
        var transitive = attributes.GetValueOrDefault(SamlAttributes.TransitiveTagKeys) ?? [];
        var nameId = SamlXml.Single(subject, SamlXml.Assertion, "NameID");
        var authn = SamlXml.Single(assertion, SamlXml.Assertion, "AuthnStatement");
        return (new SamlAssertion(issuer, nameId?.InnerText.Trim() ?? "", SubjectType(nameId?.GetAttribute("Format")),
            NameQualifier(issuer, provider), confirmation.GetAttribute("Recipient"), sessionName, sourceIdentity, attributes,
            SamlXml.Time(authn, "SessionNotOnOrAfter"), tags, transitive), provider);
    }

    /// <summary>AWS's NameQualifier: BASE64(SHA1(issuer + account id + "/" + provider name)), a stable id for the user's IdP.</summary>
    public static string NameQualifier(string issuer, SamlProvider provider) =>
        Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes($"{issuer}{provider.AccountId}/{provider.Name}")));

    /// <summary>The SAML response as XML, rooted at samlp:Response; anything else is not a SAML response.</summary>
    private static XmlDocument Decode(string samlResponse)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(samlResponse);
        }
        catch (FormatException)
        {
            throw Invalid("Invalid base64 SAMLResponse: the SAMLAssertion must be the base64-encoded SAML response.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Invalid("Invalid SAMLResponse: the decoded SAMLAssertion is not UTF-8 text.");
        }

        var document = SamlXml.Load(text);
        return document?.DocumentElement is { LocalName: "Response", NamespaceURI: SamlXml.Protocol }
            ? document
            : throw Invalid("Invalid SAMLResponse: the decoded SAMLAssertion is not a SAML 2.0 protocol Response.");
    }

    private static Dictionary<string, IReadOnlyList<string>> Attributes(XmlElement assertion)
    {
        var attributes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var statement in SamlXml.Children(assertion, SamlXml.Assertion, "AttributeStatement"))
        {
            foreach (var attribute in SamlXml.Children(statement, SamlXml.Assertion, "Attribute"))
            {
                var values = SamlXml.Children(attribute, SamlXml.Assertion, "AttributeValue").Select(v => v.InnerText.Trim());
                var name = attribute.GetAttribute("Name");
                attributes[name] = [.. attributes.GetValueOrDefault(name) ?? [], .. values];
            }
        }

        return attributes;
    }

    private static (string, string)? Pair(string value)
    {
        var parts = value.Split(',');
        return parts.Length == 2 ? (parts[0].Trim(), parts[1].Trim()) : null;
    }

    /// <summary>
    /// AWS drops the SAML 2.0 name-id-format prefix (persistent, transient) and returns any other
    /// format whole; a NameID without Format has SAML's default, the 1.1 "unspecified" format.
    /// </summary>
    private static string SubjectType(string? format)
    {
        const string prefix = "urn:oasis:names:tc:SAML:2.0:nameid-format:";
        return string.IsNullOrEmpty(format) ? "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"
            : format.StartsWith(prefix, StringComparison.Ordinal) ? format[prefix.Length..]
            : format;
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static AwsException Expired(DateTimeOffset now, DateTimeOffset notOnOrAfter) => new AwsError("ExpiredTokenException",
        $"Token expired: current date/time {Format(now)} must be before the expiration date/time {Format(notOnOrAfter)}", 400).ToException();

    private static AwsException Invalid(string message) => new AwsError("InvalidIdentityToken", message, 400).ToException();
}
