using System.Collections.Immutable;
using Emulator.Core.Iam.Tags;

namespace Emulator.Core.Iam.OpenIdConnect;

/// <summary>An IAM OIDC provider; <see cref="Url"/> is stored without "https://", as IAM returns it.</summary>
public sealed record OpenIdConnectProvider(
    string AccountId,
    string Url,
    ImmutableList<string> ClientIds,
    ImmutableList<string> Thumbprints,
    DateTimeOffset CreateDate,
    ImmutableList<Tag> Tags)
{
    /// <summary>The partition of the account the entity belongs to (AWS managed policies: of the account that reads them).</summary>
    public string Partition { get; init; } = Emulator.Policy.AwsPartitions.Aws;

    public string Arn => Emulator.Policy.Arn.Iam(Partition, AccountId, $"oidc-provider/{Url}").ToString();
}
