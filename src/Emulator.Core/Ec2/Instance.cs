using System.Collections.Immutable;
using Emulator.Core.Iam.Tags;

namespace Emulator.Core.Ec2;

/// <summary>
/// One EC2 instance. The state moves through AWS's transitions (pending → running, stopping → stopped,
/// shutting-down → terminated): <see cref="State"/> is where the last call left it and
/// <see cref="Settled"/> where it arrives at <see cref="SettlesAt"/>; readers see the state for their time.
/// </summary>
public sealed record Instance
{
    public required string InstanceId { get; init; }

    public required string ReservationId { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required string ImageId { get; init; }

    public required string InstanceType { get; init; }

    public string? KeyName { get; init; }

    public required int AmiLaunchIndex { get; init; }

    public required DateTimeOffset LaunchTime { get; init; }

    public required string AvailabilityZone { get; init; }

    public required string SubnetId { get; init; }

    public required string VpcId { get; init; }

    public required string PrivateIpAddress { get; init; }

    public required string MacAddress { get; init; }

    public required string NetworkInterfaceId { get; init; }

    public required ImmutableList<SecurityGroupRef> SecurityGroups { get; init; }

    public required InstanceStateName State { get; init; }

    public required InstanceStateName Settled { get; init; }

    public required DateTimeOffset SettlesAt { get; init; }

    /// <summary>Why the instance last changed state (<c>User initiated (…)</c>), empty when it never did.</summary>
    public string StateTransitionReason { get; init; } = "";

    public required InstanceMetadataOptions MetadataOptions { get; init; }

    public ImmutableList<Tag> Tags { get; init; } = [];

    /// <summary>The decoded user data; null when the launch gave none.</summary>
    public byte[]? UserData { get; init; }

    public string? ClientToken { get; init; }

    public string Arn => Emulator.Policy.Arn.Regional("ec2", Region, AccountId, $"instance/{InstanceId}").ToString();

    public string PrivateDnsName => Ec2Network.PrivateDnsName(PrivateIpAddress, Region);

    /// <summary>The state a reader at <paramref name="now"/> sees.</summary>
    public InstanceStateName StateAt(DateTimeOffset now) => now >= SettlesAt ? Settled : State;

    public bool IsRunningAt(DateTimeOffset now) => StateAt(now) == InstanceStateName.Running;

    public bool IsTerminatedAt(DateTimeOffset now) => StateAt(now) == InstanceStateName.Terminated;
}
