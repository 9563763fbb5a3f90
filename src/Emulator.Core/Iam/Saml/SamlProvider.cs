using System.Collections.Immutable;
using Emulator.Core.Iam.Tags;

namespace Emulator.Core.Iam.Saml;

/// <summary>
/// An IAM SAML provider: the metadata document as uploaded, and what was read from it on write
/// (the IdP's entity id and signing certificates), so assertions are checked without parsing it again.
/// </summary>
public sealed record SamlProvider(
    string AccountId,
    string Name,
    string MetadataDocument,
    string EntityId,
    ImmutableList<string> SigningCertificates,
    DateTimeOffset CreateDate,
    DateTimeOffset ValidUntil,
    string? AssertionEncryptionMode,
    ImmutableList<Tag> Tags)
{
    public string Arn => $"arn:aws:iam::{AccountId}:saml-provider/{Name}";
}
