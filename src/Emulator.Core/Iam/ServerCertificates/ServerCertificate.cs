using System.Collections.Immutable;
using Emulator.Core.Iam.Tags;

namespace Emulator.Core.Iam.ServerCertificates;

/// <summary>
/// An IAM server certificate: the certificate and chain as uploaded, the private key (a secret: never answered,
/// left out of the trail and of an export without secrets) and the certificate's NotAfter as its Expiration.
/// </summary>
public sealed record ServerCertificate(
    string AccountId,
    string Path,
    string ServerCertificateName,
    string ServerCertificateId,
    string CertificateBody,
    string? CertificateChain,
    string PrivateKey,
    DateTimeOffset UploadDate,
    DateTimeOffset Expiration,
    ImmutableList<Tag> Tags)
{
    public string Partition { get; init; } = Emulator.Policy.AwsPartitions.Aws;

    public string Arn => Emulator.Policy.Arn.Iam(Partition, AccountId, $"server-certificate{Path}{ServerCertificateName}").ToString();
}
