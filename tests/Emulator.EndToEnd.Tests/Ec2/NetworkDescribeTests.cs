using System.Text.Json;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Ec2;

/// <summary>
/// The default network and the other read calls tools make around a launch, through the AWS CLI and boto3: shapes,
/// filters by AWS's names, EC2's errors, and ids that agree between calls, with launched instances and after a reset.
/// </summary>
[Collection(Ec2EmulatorCollection.Name)]
public sealed class NetworkDescribeTests(Ec2Emulator emulator)
{
    private AwsCli Cli => emulator.Cli(Ec2Emulator.Root);

    [Fact]
    public async Task Default_network_is_one_default_vpc_a_default_subnet_per_zone_and_the_default_group()
    {
        var vpcs = (await Cli.RunAsync("ec2", "describe-vpcs", "--filters", "Name=is-default,Values=true")).ShouldSucceed().Json.Items("Vpcs");
        var vpc = vpcs.Should().ContainSingle().Subject;
        var vpcId = vpc.Text("VpcId");
        var subnets = (await Cli.RunAsync("ec2", "describe-subnets", "--filters", $"Name=vpc-id,Values={vpcId}", "Name=default-for-az,Values=true",
            "Name=state,Values=available")).ShouldSucceed().Json.Items("Subnets").OrderBy(s => s.Text("AvailabilityZone")).ToList();
        var group = (await Cli.RunAsync("ec2", "describe-security-groups", "--group-names", "default")).ShouldSucceed().Json.At("SecurityGroups", 0);

        vpcId.Should().MatchRegex("^vpc-[0-9a-f]{17}$");
        vpc.Text("CidrBlock").Should().Be("172.31.0.0/16");
        vpc.Text("State").Should().Be("available");
        vpc.Text("InstanceTenancy").Should().Be("default");
        vpc.Text("OwnerId").Should().Be(Ec2Emulator.Account);
        vpc.Text("DhcpOptionsId").Should().StartWith("dopt-");
        vpc.At("IsDefault").GetBoolean().Should().BeTrue();
        vpc.Text("CidrBlockAssociationSet", 0, "CidrBlock").Should().Be("172.31.0.0/16");
        vpc.Text("CidrBlockAssociationSet", 0, "CidrBlockState", "State").Should().Be("associated");

        subnets.Select(s => s.Text("AvailabilityZone")).Should().Equal("us-east-1a", "us-east-1b", "us-east-1c");
        subnets.Select(s => s.Text("CidrBlock")).Should().Equal("172.31.0.0/20", "172.31.16.0/20", "172.31.32.0/20");
        subnets.Select(s => s.Text("AvailabilityZoneId")).Should().Equal("use1-az1", "use1-az2", "use1-az3");
        subnets.Should().AllSatisfy(s =>
        {
            s.Text("VpcId").Should().Be(vpcId);
            s.Text("SubnetId").Should().MatchRegex("^subnet-[0-9a-f]{17}$");
            s.Text("SubnetArn").Should().Be($"arn:aws:ec2:us-east-1:{Ec2Emulator.Account}:subnet/{s.Text("SubnetId")}");
            s.At("DefaultForAz").GetBoolean().Should().BeTrue();
            s.At("MapPublicIpOnLaunch").GetBoolean().Should().BeTrue();
            s.At("AvailableIpAddressCount").GetInt32().Should().BeInRange(1, 4091);
        });

        group.Text("GroupName").Should().Be("default");
        group.Text("Description").Should().Be("default VPC security group");
        group.Text("VpcId").Should().Be(vpcId);
        group.Text("OwnerId").Should().Be(Ec2Emulator.Account);
        group.Text("IpPermissions", 0, "IpProtocol").Should().Be("-1");
        group.Text("IpPermissions", 0, "UserIdGroupPairs", 0, "GroupId").Should().Be(group.Text("GroupId"));
        group.Text("IpPermissionsEgress", 0, "IpProtocol").Should().Be("-1");
        group.Text("IpPermissionsEgress", 0, "IpRanges", 0, "CidrIp").Should().Be("0.0.0.0/0");
    }

    [Fact]
    public async Task Run_instances_lands_in_the_described_subnet_and_group_and_the_subnet_counts_the_address()
    {
        async Task<JsonElement> SubnetInB() => (await Cli.RunAsync("ec2", "describe-subnets", "--filters", "Name=availability-zone,Values=us-east-1b"))
            .ShouldSucceed().Json.Items("Subnets").Should().ContainSingle().Subject;

        var before = await SubnetInB();
        var instance = (await Cli.RunAsync("ec2", "run-instances", "--image-id", "ami-1", "--placement", "AvailabilityZone=us-east-1b"))
            .ShouldSucceed().Json.At("Instances", 0);
        var after = await SubnetInB();
        var group = (await Cli.RunAsync("ec2", "describe-security-groups", "--filters", "Name=group-name,Values=def*")).ShouldSucceed().Json.At("SecurityGroups", 0);
        var vpc = (await Cli.RunAsync("ec2", "describe-vpcs", "--vpc-ids", instance.Text("VpcId"))).ShouldSucceed().Json.At("Vpcs", 0);
        var bySubnet = (await Cli.RunAsync("ec2", "describe-subnets", "--subnet-ids", instance.Text("SubnetId"))).ShouldSucceed().Json.At("Subnets", 0);

        instance.Text("SubnetId").Should().Be(before.Text("SubnetId"));
        instance.Text("VpcId").Should().Be(before.Text("VpcId")).And.Be(vpc.Text("VpcId"));
        instance.Text("SecurityGroups", 0, "GroupId").Should().Be(group.Text("GroupId"));
        bySubnet.Text("AvailabilityZone").Should().Be("us-east-1b");
        after.At("AvailableIpAddressCount").GetInt32().Should().Be(before.At("AvailableIpAddressCount").GetInt32() - 1);
    }

    [Fact]
    public async Task Network_ids_are_the_same_after_a_reset_and_differ_between_accounts()
    {
        const string Script = """
            import sys
            def ids(ec2):
                return {"vpc": [v["VpcId"] for v in ec2.describe_vpcs()["Vpcs"]],
                        "subnets": sorted(s["SubnetId"] for s in ec2.describe_subnets()["Subnets"]),
                        "groups": [g["GroupId"] for g in ec2.describe_security_groups()["SecurityGroups"]]}
            emit({"one": ids(client("ec2")), "two": ids(client("ec2", "AKIABBBBBBBBBBBBBBB2", "secret-two"))})
            """;

        var first = (await emulator.Boto3(Ec2Emulator.Root).RunAsync(Script)).ShouldSucceed().Json;
        await emulator.ResetAsync();
        var second = (await emulator.Boto3(Ec2Emulator.Root).RunAsync(Script)).ShouldSucceed().Json;

        second.ShouldBeJson(first.GetRawText());
        first.Items("one", "subnets").Should().HaveCount(3);
        first.Text("one", "vpc", 0).Should().NotBe(first.Text("two", "vpc", 0));
        first.Text("one", "groups", 0).Should().NotBe(first.Text("two", "groups", 0));
    }

    [Fact]
    public async Task Unknown_ids_filters_attributes_and_actions_answer_EC2s_errors()
    {
        var errors = (await emulator.Boto3(Ec2Emulator.Root).RunAsync("""
            ec2 = client("ec2")
            emit({
                "vpc": error_of(ec2.describe_vpcs, VpcIds=["vpc-0123456789abcdef0"]),
                "subnet": error_of(ec2.describe_subnets, SubnetIds=["subnet-0123456789abcdef0"]),
                "groupId": error_of(ec2.describe_security_groups, GroupIds=["sg-0123456789abcdef0"]),
                "groupName": error_of(ec2.describe_security_groups, GroupNames=["web"]),
                "groupMalformed": error_of(ec2.describe_security_groups, GroupIds=["web"]),
                "image": error_of(ec2.describe_images, ImageIds=["img-1"]),
                "type": error_of(ec2.describe_instance_types, InstanceTypes=["t3.micro", "t3.gigantic"]),
                "zone": error_of(ec2.describe_availability_zones, ZoneNames=["us-east-1z"]),
                "filter": error_of(ec2.describe_subnets, Filters=[{"Name": "colour", "Values": ["blue"]}]),
                "attribute": error_of(ec2.describe_instance_attribute, InstanceId="i-0123456789abcdef0", Attribute="enaSupport"),
                "instance": error_of(ec2.describe_instance_attribute, InstanceId="i-0123456789abcdef0", Attribute="instanceType"),
                "status": error_of(ec2.describe_instance_status, InstanceIds=["i-0123456789abcdef0"]),
                "action": error_of(ec2.describe_key_pairs),
            })
            """)).ShouldSucceed().Json;

        void Expect(string name, string code, string message)
        {
            errors.Text(name, "Code").Should().Be(code, name);
            errors.Text(name, "Message").Should().Be(message, name);
            errors.At(name, "Status").GetInt32().Should().Be(400, name);
        }

        var vpcId = (await Cli.RunAsync("ec2", "describe-vpcs", "--query", "Vpcs[0].VpcId", "--output", "text")).ShouldSucceed().Stdout.Trim();
        Expect("vpc", "InvalidVpcID.NotFound", "The vpc ID 'vpc-0123456789abcdef0' does not exist");
        Expect("subnet", "InvalidSubnetID.NotFound", "The subnet ID 'subnet-0123456789abcdef0' does not exist");
        Expect("groupId", "InvalidGroup.NotFound", "The security group 'sg-0123456789abcdef0' does not exist");
        Expect("groupName", "InvalidGroup.NotFound", $"The security group 'web' does not exist in default VPC '{vpcId}'");
        Expect("groupMalformed", "InvalidGroupId.Malformed", "Invalid id: \"web\" (expecting \"sg-...\")");
        Expect("image", "InvalidAMIID.Malformed", "Invalid id: \"img-1\" (expecting \"ami-...\")");
        Expect("type", "InvalidInstanceType", "The following supplied instance types do not exist: [t3.gigantic]");
        Expect("zone", "InvalidParameterValue", "Invalid availability zone: [us-east-1z]");
        Expect("filter", "InvalidParameterValue", "The filter 'colour' is invalid");
        Expect("attribute", "InvalidParameterValue", "Value (enaSupport) for parameter attribute is invalid. Unknown attribute.");
        Expect("instance", "InvalidInstanceID.NotFound", "The instance ID 'i-0123456789abcdef0' does not exist");
        Expect("status", "InvalidInstanceID.NotFound", "The instance ID 'i-0123456789abcdef0' does not exist");
        Expect("action", "InvalidAction", "The action DescribeKeyPairs is not valid for this web service.");
    }

    [Fact]
    public async Task Any_ami_id_is_an_image_and_the_catalog_answers_owner_and_name_lookups()
    {
        var named = (await Cli.RunAsync("ec2", "describe-images", "--image-ids", "ami-0abcdef1234567890")).ShouldSucceed().Json.At("Images", 0);
        var latest = (await Cli.RunAsync("ec2", "describe-images", "--owners", "amazon", "--filters", "Name=name,Values=al2023-ami-2023.*-x86_64",
            "Name=architecture,Values=x86_64", "Name=state,Values=available")).ShouldSucceed().Json.Items("Images");
        var ubuntu = (await Cli.RunAsync("ec2", "describe-images", "--owners", "099720109477", "--filters", "Name=name,Values=ubuntu/images/*noble*")).ShouldSucceed().Json.Items("Images");
        var own = (await Cli.RunAsync("ec2", "describe-images", "--owners", "self")).ShouldSucceed().Json.Items("Images");
        var again = (await Cli.RunAsync("ec2", "describe-images", "--image-ids", latest.Single().Text("ImageId"))).ShouldSucceed().Json.At("Images", 0);

        named.Text("ImageId").Should().Be("ami-0abcdef1234567890");
        named.Text("Name").Should().Contain("ami-0abcdef1234567890");
        named.Text("Architecture").Should().Be("x86_64");
        named.Text("RootDeviceType").Should().Be("ebs");
        named.Text("RootDeviceName").Should().Be("/dev/xvda");
        named.Text("VirtualizationType").Should().Be("hvm");
        named.Text("State").Should().Be("available");
        named.At("Public").GetBoolean().Should().BeTrue();
        named.Text("BlockDeviceMappings", 0, "DeviceName").Should().Be("/dev/xvda");
        latest.Should().ContainSingle().Which.Text("ImageOwnerAlias").Should().Be("amazon");
        again.Text("Name").Should().Be(latest.Single().Text("Name"));
        ubuntu.Should().ContainSingle().Which.Text("RootDeviceName").Should().Be("/dev/sda1");
        own.Should().BeEmpty();
    }

    [Fact]
    public async Task Instance_types_zones_attributes_and_status_describe_what_a_launch_needs()
    {
        var result = (await emulator.Boto3(Ec2Emulator.Root).RunAsync("""
            ec2 = client("ec2")
            types = ec2.describe_instance_types(InstanceTypes=["t3.micro", "m5.large"])["InstanceTypes"]
            arm = ec2.describe_instance_types(Filters=[{"Name": "processor-info.supported-architecture", "Values": ["arm64"]}])["InstanceTypes"]
            zones = ec2.describe_availability_zones()["AvailabilityZones"]
            zone_b = ec2.describe_availability_zones(Filters=[{"Name": "zone-name", "Values": ["*-1b"]}])["AvailabilityZones"]
            launched = ec2.run_instances(ImageId="ami-1", MinCount=2, MaxCount=2, InstanceType="t3.small", UserData="hello")["Instances"]
            first, second = [i["InstanceId"] for i in launched]
            attributes = {name: ec2.describe_instance_attribute(InstanceId=first, Attribute=name) for name in
                ["instanceType", "userData", "groupSet", "disableApiTermination", "instanceInitiatedShutdownBehavior", "rootDeviceName",
                 "sourceDestCheck", "ebsOptimized", "blockDeviceMapping", "kernel"]}
            ec2.terminate_instances(InstanceIds=[second])
            running = ec2.describe_instance_status(InstanceIds=[first, second])["InstanceStatuses"]
            everything = ec2.describe_instance_status(InstanceIds=[first, second], IncludeAllInstances=True)["InstanceStatuses"]
            ok = ec2.describe_instance_status(Filters=[{"Name": "instance-status.status", "Values": ["ok"]}])["InstanceStatuses"]
            emit({"types": {t["InstanceType"]: t for t in types}, "arm": sorted(t["InstanceType"] for t in arm),
                  "zones": zones, "zoneB": [z["ZoneName"] for z in zone_b], "first": first, "second": second,
                  "attributes": attributes, "running": running, "everything": {s["InstanceId"]: s for s in everything},
                  "ok": [s["InstanceId"] for s in ok]})
            """)).ShouldSucceed().Json;

        var micro = result.At("types", "t3.micro");
        micro.At("VCpuInfo", "DefaultVCpus").GetInt32().Should().Be(2);
        micro.At("MemoryInfo", "SizeInMiB").GetInt64().Should().Be(1024);
        micro.Text("ProcessorInfo", "SupportedArchitectures", 0).Should().Be("x86_64");
        micro.At("NetworkInfo", "MaximumNetworkInterfaces").GetInt32().Should().Be(2);
        micro.At("FreeTierEligible").GetBoolean().Should().BeTrue();
        result.At("types", "m5.large", "MemoryInfo", "SizeInMiB").GetInt64().Should().Be(8192);
        result.Items("arm").Select(t => t.GetString()).Should().NotBeEmpty().And.OnlyContain(t => t!.StartsWith("t4g.") || t.StartsWith("m6g."));

        result.Items("zones").Select(z => z.Text("ZoneName")).Should().Equal("us-east-1a", "us-east-1b", "us-east-1c");
        result.Items("zones").Should().AllSatisfy(z =>
        {
            z.Text("State").Should().Be("available");
            z.Text("RegionName").Should().Be("us-east-1");
            z.Text("ZoneType").Should().Be("availability-zone");
            z.Text("OptInStatus").Should().Be("opt-in-not-required");
            z.Text("NetworkBorderGroup").Should().Be("us-east-1");
        });
        result.Items("zoneB").Select(z => z.GetString()).Should().Equal("us-east-1b");

        var first = result.Text("first");
        var attributes = result.At("attributes");
        attributes.Text("instanceType", "InstanceType", "Value").Should().Be("t3.small");
        attributes.Text("instanceType", "InstanceId").Should().Be(first);
        Convert.FromBase64String(attributes.Text("userData", "UserData", "Value")).Should().Equal("hello"u8.ToArray());
        attributes.Text("groupSet", "Groups", 0, "GroupName").Should().Be("default");
        attributes.At("disableApiTermination", "DisableApiTermination", "Value").GetBoolean().Should().BeFalse();
        attributes.Text("instanceInitiatedShutdownBehavior", "InstanceInitiatedShutdownBehavior", "Value").Should().Be("stop");
        attributes.Text("rootDeviceName", "RootDeviceName", "Value").Should().Be("/dev/xvda");
        attributes.At("sourceDestCheck", "SourceDestCheck", "Value").GetBoolean().Should().BeTrue();
        attributes.At("ebsOptimized", "EbsOptimized", "Value").GetBoolean().Should().BeFalse();
        attributes.Items("blockDeviceMapping", "BlockDeviceMappings").Should().BeEmpty();
        attributes.At("kernel", "KernelId").EnumerateObject().Should().BeEmpty();

        var running = result.Items("running").Should().ContainSingle().Subject;
        running.Text("InstanceId").Should().Be(first);
        running.Text("InstanceState", "Name").Should().Be("running");
        running.Text("InstanceStatus", "Status").Should().Be("ok");
        running.Text("SystemStatus", "Status").Should().Be("ok");
        running.Text("SystemStatus", "Details", 0, "Name").Should().Be("reachability");
        running.Text("SystemStatus", "Details", 0, "Status").Should().Be("passed");
        running.Text("AvailabilityZone").Should().StartWith("us-east-1");
        var terminated = result.At("everything", result.Text("second"));
        terminated.Text("InstanceState", "Name").Should().Be("terminated");
        terminated.Text("InstanceStatus", "Status").Should().Be("not-applicable");
        result.Items("ok").Select(i => i.GetString()).Should().Contain(first).And.NotContain(result.Text("second"));
    }
}
