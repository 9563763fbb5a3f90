using Emulator.Core.Iam.Tags;

namespace Emulator.Core.Ec2;

/// <summary>What RunInstances launches; null members were not given.</summary>
public sealed record RunInstancesRequest
{
    /// <summary>A fixed id for the one instance launched (seed files only; the API always makes one up).</summary>
    public string? InstanceId { get; init; }

    public string? ImageId { get; init; }

    public string? InstanceType { get; init; }

    public int? MinCount { get; init; }

    public int? MaxCount { get; init; }

    public string? KeyName { get; init; }

    public string? SubnetId { get; init; }

    public string? AvailabilityZone { get; init; }

    public string? PrivateIpAddress { get; init; }

    public IReadOnlyList<string> SecurityGroupNames { get; init; } = [];

    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    public InstanceProfileReference? IamInstanceProfile { get; init; }

    public MetadataOptionsRequest MetadataOptions { get; init; } = new();

    /// <summary>Tags of the <c>instance</c> TagSpecification.</summary>
    public IReadOnlyList<Tag> Tags { get; init; } = [];

    /// <summary>Base64 as sent; decoded (and checked) at launch.</summary>
    public string? UserData { get; init; }

    public string? ClientToken { get; init; }
}

/// <summary>An instance profile named by <c>IamInstanceProfile.Name</c> and/or <c>.Arn</c>.</summary>
public sealed record InstanceProfileReference(string? Name, string? Arn)
{
    public bool IsEmpty => Name is null && Arn is null;
}

/// <summary>Metadata options as a request gives them (RunInstances MetadataOptions, ModifyInstanceMetadataOptions); null = not given.</summary>
public sealed record MetadataOptionsRequest(
    string? HttpTokens = null,
    int? HttpPutResponseHopLimit = null,
    string? HttpEndpoint = null,
    string? HttpProtocolIpv6 = null,
    string? InstanceMetadataTags = null);
