namespace Emulator.Core.Ec2;

/// <summary>An instance's metadata options (RunInstances MetadataOptions, ModifyInstanceMetadataOptions).</summary>
public sealed record InstanceMetadataOptions(
    string HttpTokens,
    int HttpPutResponseHopLimit,
    string HttpEndpoint,
    string HttpProtocolIpv6,
    string InstanceMetadataTags)
{
    /// <summary>EC2's own defaults when neither the launch nor the account's defaults say otherwise.</summary>
    public static readonly InstanceMetadataOptions Default = new("optional", 1, "enabled", "disabled", "disabled");

    public bool TokensRequired => HttpTokens == "required";

    public bool EndpointEnabled => HttpEndpoint == "enabled";

    public bool TagsEnabled => InstanceMetadataTags == "enabled";
}
