namespace Emulator.Core.Ec2;

/// <summary>A default subnet as DescribeSubnets shows it, with the addresses still free at that moment.</summary>
public sealed record SubnetView(DefaultSubnet Subnet, string VpcId, string OwnerId, string Region, int AvailableIpAddressCount)
{
    public string SubnetArn => Emulator.Policy.Arn.Regional("ec2", Region, OwnerId, $"subnet/{Subnet.SubnetId}").ToString();
}
