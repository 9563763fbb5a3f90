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
    /// <summary>The partition of the account the entity belongs to (AWS managed policies: of the account that reads them).</summary>
    public string Partition { get; init; } = Emulator.Policy.AwsPartitions.Aws;

    public string Arn => Emulator.Policy.Arn.Iam(Partition, AccountId, $"saml-provider/{Name}").ToString();
}
