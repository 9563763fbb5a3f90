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
    public string Arn => $"arn:aws:iam::{AccountId}:oidc-provider/{Url}";
}
