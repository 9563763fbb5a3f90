namespace Emulator.Core.Ec2;

/// <summary>The default VPC as DescribeVpcs shows it: its one IPv4 CIDR association and the DHCP options set AWS attaches.</summary>
public sealed record DefaultVpc(string VpcId, string OwnerId, string CidrBlock, string CidrBlockAssociationId, string DhcpOptionsId);
