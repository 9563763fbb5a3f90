using Emulator.Core.Errors;

namespace Emulator.Core.Ec2;

/// <summary>EC2's errors for the network, image and instance-type Describe calls (all 400).</summary>
public static class Ec2NetworkErrors
{
    /// <summary>"The vpc ID 'vpc-1' does not exist" — EC2 names the first unknown id of the request.</summary>
    public static AwsException VpcNotFound(string id) => Error("InvalidVpcID.NotFound", $"The vpc ID '{id}' does not exist");

    public static AwsException SubnetNotFound(string id) => Error("InvalidSubnetID.NotFound", $"The subnet ID '{id}' does not exist");

    public static AwsException GroupIdNotFound(string id) => Error("InvalidGroup.NotFound", $"The security group '{id}' does not exist");

    /// <summary>Group names are looked up in the default VPC, and the message says so.</summary>
    public static AwsException GroupNameNotFound(string name, string vpcId) =>
        Error("InvalidGroup.NotFound", $"The security group '{name}' does not exist in default VPC '{vpcId}'");

    public static AwsException GroupIdMalformed(string id) => Error("InvalidGroupId.Malformed", $"Invalid id: \"{id}\" (expecting \"sg-...\")");

    public static AwsException ImageIdMalformed(string id) => Error("InvalidAMIID.Malformed", $"Invalid id: \"{id}\" (expecting \"ami-...\")");

    /// <summary>DescribeInstanceTypes lists every unknown type in brackets.</summary>
    public static AwsException InstanceTypesNotFound(IEnumerable<string> types) =>
        Error("InvalidInstanceType", $"The following supplied instance types do not exist: [{string.Join(", ", types)}]");

    public static AwsException ZoneNotFound(string zone) => Ec2Errors.InvalidParameterValue($"Invalid availability zone: [{zone}]");

    public static AwsException UnknownAttribute(string attribute) =>
        Ec2Errors.InvalidParameterValue($"Value ({attribute}) for parameter attribute is invalid. Unknown attribute.");

    private static AwsException Error(string code, string message) => new AwsError(code, message, 400).ToException();
}
