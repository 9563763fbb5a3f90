namespace Emulator.Core.Ec2;

/// <summary>One availability zone of a region: the emulator serves zones a–c, each holding one default subnet.</summary>
public sealed record AvailabilityZone(string ZoneName, string ZoneId, string RegionName)
{
    /// <summary>Zones of a default region need no opt-in, and their group and network border group are the region itself.</summary>
    public string GroupName => RegionName;
}
