using Emulator.Core.Iam.Tags;

namespace Emulator.Core.Sts;

/// <summary>
/// A verified SAML assertion: what AssumeRoleWithSAML answers with (Issuer, Subject, SubjectType,
/// NameQualifier, Audience) and what trust policies test through the saml:* keys.
/// </summary>
/// <param name="Recipient">SubjectConfirmationData's Recipient: AWS answers it as Audience and tests it as saml:aud.</param>
/// <param name="NameQualifier">Base64 SHA-1 of issuer, account id and "/" + provider name, as AWS computes it.</param>
/// <param name="Attributes">Every attribute of the assertion by name, with its values.</param>
/// <param name="SessionNotOnOrAfter">The AuthnStatement's SessionNotOnOrAfter: no session outlives it.</param>
/// <param name="Tags">Session tags from the PrincipalTag:{key} attributes.</param>
/// <param name="TransitiveTagKeys">The TransitiveTagKeys attribute's values.</param>
public sealed record SamlAssertion(
    string Issuer,
    string Subject,
    string SubjectType,
    string NameQualifier,
    string Recipient,
    string RoleSessionName,
    string? SourceIdentity,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes,
    DateTimeOffset? SessionNotOnOrAfter,
    IReadOnlyList<Tag> Tags,
    IReadOnlyList<string> TransitiveTagKeys);
