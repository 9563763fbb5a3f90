namespace Emulator.Core.Ec2;

/// <summary>A default subnet: one per availability zone of the default VPC.</summary>
public sealed record DefaultSubnet(string SubnetId, string AvailabilityZone, string AvailabilityZoneId, string CidrBlock, int Index);
