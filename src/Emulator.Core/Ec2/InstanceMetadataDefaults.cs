namespace Emulator.Core.Ec2;

/// <summary>
/// The account's metadata defaults in one region (Get/ModifyInstanceMetadataDefaults): null means
/// "no preference". They apply to launches after they are set, never to existing instances.
/// </summary>
public sealed record InstanceMetadataDefaults(
    string? HttpTokens = null,
    int? HttpPutResponseHopLimit = null,
    string? HttpEndpoint = null,
    string? InstanceMetadataTags = null,
    string? HttpTokensEnforced = null)
{
    public static readonly InstanceMetadataDefaults None = new();
}
