using System.Globalization;
using Emulator.Core.Ec2;
using Emulator.Server.Protocol;

namespace Emulator.Server.Ec2;

/// <summary>The XML of the network, image, instance-type, zone, attribute and status calls (element names are the model's locationName).</summary>
public static class Ec2NetworkXml
{
    public static void Vpc(QueryXmlWriter w, DefaultVpc vpc) => w
        .Value("vpcId", vpc.VpcId)
        .Value("ownerId", vpc.OwnerId)
        .Value("state", "available")
        .Value("cidrBlock", vpc.CidrBlock)
        .List("cidrBlockAssociationSet", [vpc], (a, v) => a
            .Value("associationId", v.CidrBlockAssociationId)
            .Value("cidrBlock", v.CidrBlock)
            .Object("cidrBlockState", s => s.Value("state", "associated")))
        .Empty("ipv6CidrBlockAssociationSet")
        .Value("dhcpOptionsId", vpc.DhcpOptionsId)
        .Value("instanceTenancy", "default")
        .Value("isDefault", true)
        .Object("blockPublicAccessStates", b => b.Value("internetGatewayBlockMode", "off"));

    /// <summary>Default subnets give instances a public address and name hosts after their IP (hostnameType ip-name).</summary>
    public static void Subnet(QueryXmlWriter w, SubnetView view) => w
        .Value("subnetId", view.Subnet.SubnetId)
        .Value("subnetArn", view.SubnetArn)
        .Value("ownerId", view.OwnerId)
        .Value("state", "available")
        .Value("vpcId", view.VpcId)
        .Value("cidrBlock", view.Subnet.CidrBlock)
        .Empty("ipv6CidrBlockAssociationSet")
        .Value("availableIpAddressCount", view.AvailableIpAddressCount)
        .Value("availabilityZone", view.Subnet.AvailabilityZone)
        .Value("availabilityZoneId", view.Subnet.AvailabilityZoneId)
        .Value("defaultForAz", true)
        .Value("mapPublicIpOnLaunch", true)
        .Value("mapCustomerOwnedIpOnLaunch", false)
        .Value("assignIpv6AddressOnCreation", false)
        .Value("enableDns64", false)
        .Value("ipv6Native", false)
        .Object("privateDnsNameOptionsOnLaunch", p => p
            .Value("hostnameType", "ip-name")
            .Value("enableResourceNameDnsARecord", false)
            .Value("enableResourceNameDnsAAAARecord", false))
        .Object("blockPublicAccessStates", b => b.Value("internetGatewayBlockMode", "off"));

    /// <summary>AWS's rules of a new default group: all traffic in from the group itself, all traffic out to anywhere.</summary>
    public static void SecurityGroup(QueryXmlWriter w, DefaultSecurityGroup group) => w
        .Value("ownerId", group.OwnerId)
        .Value("groupId", group.GroupId)
        .Value("groupName", group.GroupName)
        .Value("groupDescription", DefaultSecurityGroup.Description)
        .Value("vpcId", group.VpcId)
        .Value("securityGroupArn", group.SecurityGroupArn)
        .List("ipPermissions", [group], (p, g) => AllTraffic(p)
            .List("groups", [g], (pair, source) => pair.Value("userId", source.OwnerId).Value("groupId", source.GroupId))
            .Empty("ipRanges"))
        .List("ipPermissionsEgress", [group], (p, _) => AllTraffic(p)
            .Empty("groups")
            .List("ipRanges", ["0.0.0.0/0"], (r, cidr) => r.Value("cidrIp", cidr)));

    public static void Image(QueryXmlWriter w, MachineImage image) => w
        .Value("imageId", image.ImageId)
        .Value("imageLocation", $"{image.OwnerAlias ?? image.OwnerId}/{image.Name}")
        .Value("imageState", "available")
        .Value("imageOwnerId", image.OwnerId)
        .Value("imageOwnerAlias", image.OwnerAlias)
        .Value("creationDate", image.CreationDate)
        .Value("isPublic", true)
        .Value("architecture", image.Architecture)
        .Value("imageType", "machine")
        .Value("name", image.Name)
        .Value("description", image.Description)
        .Value("rootDeviceType", "ebs")
        .Value("rootDeviceName", image.RootDeviceName)
        .List("blockDeviceMapping", [image], (b, i) => b
            .Value("deviceName", i.RootDeviceName)
            .Object("ebs", e => e
                .Value("snapshotId", i.RootSnapshotId)
                .Value("volumeSize", i.RootVolumeSize)
                .Value("deleteOnTermination", true)
                .Value("volumeType", i.RootVolumeType)
                .Value("encrypted", false)))
        .Value("virtualizationType", "hvm")
        .Value("hypervisor", "xen")
        .Value("enaSupport", true)
        .Value("sriovNetSupport", "simple")
        .Value("platformDetails", image.PlatformDetails)
        .Value("usageOperation", "RunInstances");

    public static void InstanceType(QueryXmlWriter w, InstanceTypeInfo type)
    {
        var nitro = type.IsNitro;
        w.Value("instanceType", type.InstanceType)
            .Value("currentGeneration", true)
            .Value("freeTierEligible", type.FreeTierEligible)
            .StringList("supportedUsageClasses", ["on-demand", "spot"])
            .StringList("supportedRootDeviceTypes", ["ebs"])
            .StringList("supportedVirtualizationTypes", ["hvm"])
            .Value("bareMetal", false)
            .Value("hypervisor", type.Hypervisor)
            .Object("processorInfo", p => p
                .StringList("supportedArchitectures", type.Architectures)
                .Value("sustainedClockSpeedInGhz", type.SustainedClockSpeedGhz.ToString(CultureInfo.InvariantCulture))
                .Value("manufacturer", type.Manufacturer))
            .Object("vCpuInfo", v => v
                .Value("defaultVCpus", type.DefaultVCpus)
                .Value("defaultCores", type.DefaultCores)
                .Value("defaultThreadsPerCore", type.DefaultThreadsPerCore))
            .Object("memoryInfo", m => m.Value("sizeInMiB", type.MemoryMiB.ToString(CultureInfo.InvariantCulture)))
            .Value("instanceStorageSupported", false)
            .Object("ebsInfo", e => e
                .Value("ebsOptimizedSupport", nitro ? "default" : "unsupported")
                .Value("encryptionSupport", "supported")
                .Value("nvmeSupport", nitro ? "required" : "unsupported"))
            .Object("networkInfo", n => n
                .Value("networkPerformance", type.NetworkPerformance)
                .Value("maximumNetworkInterfaces", type.MaximumNetworkInterfaces)
                .Value("maximumNetworkCards", 1)
                .Value("defaultNetworkCardIndex", 0)
                .List("networkCards", [type], (card, t) => card
                    .Value("networkCardIndex", 0)
                    .Value("networkPerformance", t.NetworkPerformance)
                    .Value("maximumNetworkInterfaces", t.MaximumNetworkInterfaces))
                .Value("ipv4AddressesPerInterface", type.Ipv4AddressesPerInterface)
                .Value("ipv6AddressesPerInterface", type.Ipv4AddressesPerInterface)
                .Value("ipv6Supported", true)
                .Value("enaSupport", nitro ? "required" : "unsupported")
                .Value("efaSupported", false)
                .Value("encryptionInTransitSupported", false))
            .Object("placementGroupInfo", p => p.StringList("supportedStrategies", ["partition", "spread"]))
            .Value("hibernationSupported", true)
            .Value("burstablePerformanceSupported", type.BurstablePerformanceSupported)
            .Value("dedicatedHostsSupported", !type.BurstablePerformanceSupported)
            .Value("autoRecoverySupported", true)
            .StringList("supportedBootModes", type.Architectures.Contains("arm64") ? ["uefi"] : nitro ? ["legacy-bios", "uefi"] : ["legacy-bios"]);
    }

    public static void AvailabilityZone(QueryXmlWriter w, AvailabilityZone zone) => w
        .Value("zoneName", zone.ZoneName)
        .Value("zoneId", zone.ZoneId)
        .Value("zoneState", "available")
        .Value("optInStatus", "opt-in-not-required")
        .Empty("messageSet")
        .Value("regionName", zone.RegionName)
        .Value("groupName", zone.GroupName)
        .Value("networkBorderGroup", zone.GroupName)
        .Value("zoneType", "availability-zone");

    /// <summary>
    /// One attribute, each in its own shape: most wrap a <c>value</c>; groupSet, blockDeviceMapping and productCodes are
    /// lists; enclaveOptions has <c>enabled</c>. Attributes without a value (kernel, ramdisk, userData when none was
    /// given) are empty elements, as EC2 writes them.
    /// </summary>
    public static void InstanceAttribute(QueryXmlWriter w, InstanceView view, string attribute)
    {
        var i = view.Instance;
        w.Value("instanceId", i.InstanceId);
        _ = attribute switch
        {
            "instanceType" => Wrapped(w, attribute, i.InstanceType),
            "userData" => Wrapped(w, attribute, i.UserData is { } data ? Convert.ToBase64String(data) : null),
            "disableApiTermination" or "disableApiStop" or "ebsOptimized" => Wrapped(w, attribute, "false"),
            "sourceDestCheck" => Wrapped(w, attribute, "true"),
            "instanceInitiatedShutdownBehavior" => Wrapped(w, attribute, "stop"),
            "rootDeviceName" => Wrapped(w, attribute, "/dev/xvda"),
            "groupSet" => w.List(attribute, i.SecurityGroups, (g, group) => g.Value("groupId", group.GroupId).Value("groupName", group.GroupName)),
            // DescribeInstances lists no block devices for an emulated instance; this attribute agrees with it.
            "blockDeviceMapping" or "productCodes" => w.Empty(attribute),
            "enclaveOptions" => w.Object(attribute, e => e.Value("enabled", false)),
            _ => Wrapped(w, attribute, null),
        };
    }

    public static void InstanceStatus(QueryXmlWriter w, InstanceView view)
    {
        var i = view.Instance;
        var status = InstanceStatusOperations.Status(view.State);
        var reachability = InstanceStatusOperations.Reachability(view.State);
        void Check(QueryXmlWriter c)
        {
            c.Value("status", status);
            if (reachability is not null)
            {
                c.List("details", [reachability], (d, value) => d.Value("name", "reachability").Value("status", value));
            }
        }

        w.Value("instanceId", i.InstanceId)
            .Value("availabilityZone", i.AvailabilityZone)
            .Value("availabilityZoneId", Ec2Network.For(i.AccountId, i.Region).Subnets.FirstOrDefault(s => s.AvailabilityZone == i.AvailabilityZone)?.AvailabilityZoneId)
            .Object("instanceState", s => Ec2Xml.State(s, view.State))
            .Object("systemStatus", Check)
            .Object("instanceStatus", Check)
            .Object("attachedEbsStatus", Check);
    }

    private static QueryXmlWriter AllTraffic(QueryXmlWriter permission) => permission
        .Value("ipProtocol", "-1")
        .Empty("ipv6Ranges")
        .Empty("prefixListIds");

    private static QueryXmlWriter Wrapped(QueryXmlWriter w, string name, string? value) =>
        value is null ? w.Empty(name) : w.Object(name, v => v.Value("value", value));
}
