namespace Emulator.Core.Ec2;

/// <summary>
/// The default VPC's <c>default</c> security group. AWS creates it with one inbound rule (all traffic from members of
/// the group itself) and one outbound rule (all traffic to 0.0.0.0/0); the emulator enforces neither.
/// </summary>
public sealed record DefaultSecurityGroup(string GroupId, string VpcId, string OwnerId, string Region)
{
    public const string Description = "default VPC security group";

    public string GroupName => Ec2Network.SecurityGroupName;

    public string SecurityGroupArn => Emulator.Policy.Arn.Regional("ec2", Region, OwnerId, $"security-group/{GroupId}").ToString();
}
