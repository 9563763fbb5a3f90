using Emulator.Core.Ec2;
using Emulator.Server.Pipeline;
using Emulator.Server.Protocol;

namespace Emulator.Server.Ec2;

/// <summary>
/// The read calls tools make around a launch (Ansible's ec2_instance, Terraform's data sources): the default network,
/// images, instance types, zones and per-instance attributes and status. Each is its own <c>ec2:Describe*</c> action on
/// <c>*</c>: the Service Authorization Reference lists no resource type for them.
/// </summary>
public static class Ec2NetworkActions
{
    public static IReadOnlyList<AwsOperation> Operations(Ec2Service ec2)
    {
        var network = new NetworkOperations(ec2.Instances);
        var status = new InstanceStatusOperations(ec2.Instances);
        var attributes = new InstanceAttributeOperations(ec2.Instances);
        return
        [
            Describe("DescribeVpcs", (c, w) => w.List("vpcSet",
                network.DescribeVpcs(c.AccountId, c.Region, Ec2Parameters.List(c.Parameters, "VpcId"), Ec2Parameters.Filters(c.Parameters)), Ec2NetworkXml.Vpc)),
            Describe("DescribeSubnets", (c, w) => w.List("subnetSet",
                network.DescribeSubnets(c.AccountId, c.Region, Ec2Parameters.List(c.Parameters, "SubnetId"), Ec2Parameters.Filters(c.Parameters)), Ec2NetworkXml.Subnet)),
            Describe("DescribeSecurityGroups", (c, w) => w.List("securityGroupInfo",
                network.DescribeSecurityGroups(c.AccountId, c.Region, Ec2Parameters.List(c.Parameters, "GroupId"), Ec2Parameters.List(c.Parameters, "GroupName"),
                    Ec2Parameters.Filters(c.Parameters)), Ec2NetworkXml.SecurityGroup)),
            Describe("DescribeAvailabilityZones", (c, w) => w.List("availabilityZoneInfo",
                NetworkOperations.DescribeAvailabilityZones(c.AccountId, c.Region, Ec2Parameters.List(c.Parameters, "ZoneName"), Ec2Parameters.List(c.Parameters, "ZoneId"),
                    Ec2Parameters.Filters(c.Parameters)), Ec2NetworkXml.AvailabilityZone)),
            Describe("DescribeImages", (c, w) => w.List("imagesSet",
                ImageCatalog.Describe(c.AccountId, Ec2Parameters.List(c.Parameters, "ImageId"), Ec2Parameters.List(c.Parameters, "Owner"), Ec2Parameters.Filters(c.Parameters)),
                Ec2NetworkXml.Image)),
            Describe("DescribeInstanceTypes", (c, w) => w.List("instanceTypeSet",
                InstanceTypeCatalog.Describe(Ec2Parameters.List(c.Parameters, "InstanceType"), Ec2Parameters.Filters(c.Parameters)), Ec2NetworkXml.InstanceType)),
            Describe("DescribeInstanceStatus", (c, w) => w.List("instanceStatusSet",
                status.Describe(c.AccountId, c.Region, Ec2Parameters.List(c.Parameters, "InstanceId"), Ec2Parameters.Filters(c.Parameters),
                    Ec2Parameters.Bool(c.Parameters, "IncludeAllInstances") == true), Ec2NetworkXml.InstanceStatus)),
            Describe("DescribeInstanceAttribute", (c, w) =>
                Ec2NetworkXml.InstanceAttribute(w, attributes.Describe(c.AccountId, c.Region, c["InstanceId"], c["Attribute"]), c["Attribute"]!)),
        ];
    }

    private static AwsOperation Describe(string name, Action<OperationContext, QueryXmlWriter> handler) =>
        new(name, "ec2:" + name, AwsOperation.Everything, handler);
}
