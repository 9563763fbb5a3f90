namespace Emulator.Core.Ec2;

/// <summary>
/// DescribeVpcs, DescribeSubnets, DescribeSecurityGroups and DescribeAvailabilityZones over the one default
/// network of an account and region (<see cref="Ec2Network"/>). The network is derived, not stored, so it is the
/// same after a reset or a restart; only the free-address count of a subnet reads the store (its live instances).
/// </summary>
public sealed class NetworkOperations(InstanceOperations instances)
{
    /// <summary>A /20 holds 4096 addresses; AWS reserves the first four and the last of every subnet.</summary>
    private const int UsableAddressesPerSubnet = 4096 - 5;

    private static readonly Ec2FilterSet<DefaultVpc> VpcFilters = new(taggable: true,
        ("vpc-id", v => Ec2FilterValues.Of(v.VpcId)),
        ("state", _ => Ec2FilterValues.Of("available")),
        ("cidr", v => Ec2FilterValues.Of(v.CidrBlock)),
        ("cidr-block-association.cidr-block", v => Ec2FilterValues.Of(v.CidrBlock)),
        ("cidr-block-association.association-id", v => Ec2FilterValues.Of(v.CidrBlockAssociationId)),
        ("cidr-block-association.state", _ => Ec2FilterValues.Of("associated")),
        ("dhcp-options-id", v => Ec2FilterValues.Of(v.DhcpOptionsId)),
        ("owner-id", v => Ec2FilterValues.Of(v.OwnerId)),
        ("is-default", _ => Ec2FilterValues.Of(true)),
        // EC2 still honours the API's older camel-case name, and Ansible's ec2_instance finds the default VPC with it.
        ("isDefault", _ => Ec2FilterValues.Of(true)));

    // DescribeSubnets documents the older camel-case synonyms (availabilityZone, cidrBlock/cidr, defaultForAz) beside the current names.
    private static readonly Ec2FilterSet<SubnetView> SubnetFilters = new(taggable: true,
        ("subnet-id", s => Ec2FilterValues.Of(s.Subnet.SubnetId)),
        ("vpc-id", s => Ec2FilterValues.Of(s.VpcId)),
        ("state", _ => Ec2FilterValues.Of("available")),
        ("availability-zone", s => Ec2FilterValues.Of(s.Subnet.AvailabilityZone)),
        ("availability-zone-id", s => Ec2FilterValues.Of(s.Subnet.AvailabilityZoneId)),
        ("availabilityZone", s => Ec2FilterValues.Of(s.Subnet.AvailabilityZone)),
        ("cidr-block", s => Ec2FilterValues.Of(s.Subnet.CidrBlock)),
        ("cidr", s => Ec2FilterValues.Of(s.Subnet.CidrBlock)),
        ("cidrBlock", s => Ec2FilterValues.Of(s.Subnet.CidrBlock)),
        ("default-for-az", _ => Ec2FilterValues.Of(true)),
        ("defaultForAz", _ => Ec2FilterValues.Of(true)),
        ("map-public-ip-on-launch", _ => Ec2FilterValues.Of(true)),
        ("available-ip-address-count", s => Ec2FilterValues.Of(s.AvailableIpAddressCount)),
        ("owner-id", s => Ec2FilterValues.Of(s.OwnerId)),
        ("subnet-arn", s => Ec2FilterValues.Of(s.SubnetArn)));

    private static readonly Ec2FilterSet<DefaultSecurityGroup> GroupFilters = new(taggable: true,
        ("group-id", g => Ec2FilterValues.Of(g.GroupId)),
        ("group-name", g => Ec2FilterValues.Of(g.GroupName)),
        ("description", _ => Ec2FilterValues.Of(DefaultSecurityGroup.Description)),
        ("vpc-id", g => Ec2FilterValues.Of(g.VpcId)),
        ("owner-id", g => Ec2FilterValues.Of(g.OwnerId)),
        ("ip-permission.protocol", _ => Ec2FilterValues.Of("-1")),
        ("ip-permission.group-id", g => Ec2FilterValues.Of(g.GroupId)),
        ("egress.ip-permission.protocol", _ => Ec2FilterValues.Of("-1")),
        ("egress.ip-permission.cidr", _ => Ec2FilterValues.Of("0.0.0.0/0")));

    private static readonly Ec2FilterSet<AvailabilityZone> ZoneFilters = new(taggable: false,
        ("zone-name", z => Ec2FilterValues.Of(z.ZoneName)),
        ("zone-id", z => Ec2FilterValues.Of(z.ZoneId)),
        ("region-name", z => Ec2FilterValues.Of(z.RegionName)),
        ("group-name", z => Ec2FilterValues.Of(z.GroupName)),
        ("group-long-name", z => Ec2FilterValues.Of(z.GroupName)),
        ("network-border-group", z => Ec2FilterValues.Of(z.GroupName)),
        ("state", _ => Ec2FilterValues.Of("available")),
        ("zone-type", _ => Ec2FilterValues.Of("availability-zone")),
        ("opt-in-status", _ => Ec2FilterValues.Of("opt-in-not-required")));

    public static DefaultVpc Vpc(Ec2Network network) => new(
        network.VpcId,
        network.AccountId,
        Ec2Network.VpcCidr,
        "vpc-cidr-assoc-" + Ec2Network.Derived(network.AccountId, network.Region, "vpc-cidr-assoc"),
        "dopt-" + Ec2Network.Derived(network.AccountId, network.Region, "dopt"));

    public static DefaultSecurityGroup SecurityGroup(Ec2Network network) => new(network.SecurityGroupId, network.VpcId, network.AccountId, network.Region);

    public IReadOnlyList<DefaultVpc> DescribeVpcs(string accountId, string region, IReadOnlyList<string> vpcIds, IReadOnlyList<Ec2Filter> filters)
    {
        var vpc = Vpc(Ec2Network.For(accountId, region));
        if (vpcIds.FirstOrDefault(id => id != vpc.VpcId) is { } unknown)
        {
            throw Ec2NetworkErrors.VpcNotFound(unknown);
        }

        return VpcFilters.Apply([vpc], filters);
    }

    public IReadOnlyList<SubnetView> DescribeSubnets(string accountId, string region, IReadOnlyList<string> subnetIds, IReadOnlyList<Ec2Filter> filters)
    {
        var network = Ec2Network.For(accountId, region);
        if (subnetIds.FirstOrDefault(id => network.Subnet(id) is null) is { } unknown)
        {
            throw Ec2NetworkErrors.SubnetNotFound(unknown);
        }

        var (reservations, _) = instances.Describe(accountId, region, [], [], null, null);
        var used = reservations.SelectMany(r => r.Instances)
            .Where(v => v.State != InstanceStateName.Terminated)
            .CountBy(v => v.Instance.SubnetId)
            .ToDictionary();
        var subnets = network.Subnets
            .Where(s => subnetIds.Count == 0 || subnetIds.Contains(s.SubnetId))
            .Select(s => new SubnetView(s, network.VpcId, accountId, region, UsableAddressesPerSubnet - used.GetValueOrDefault(s.SubnetId)));
        return SubnetFilters.Apply(subnets, filters);
    }

    /// <summary>
    /// Ids and names given together must all exist (an id outside the network is InvalidGroup.NotFound, a malformed one
    /// InvalidGroupId.Malformed); names are looked up in the default VPC, as EC2 does for GroupName.N.
    /// </summary>
    public IReadOnlyList<DefaultSecurityGroup> DescribeSecurityGroups(
        string accountId, string region, IReadOnlyList<string> groupIds, IReadOnlyList<string> groupNames, IReadOnlyList<Ec2Filter> filters)
    {
        var group = SecurityGroup(Ec2Network.For(accountId, region));
        foreach (var id in groupIds)
        {
            if (!id.StartsWith("sg-", StringComparison.Ordinal))
            {
                throw Ec2NetworkErrors.GroupIdMalformed(id);
            }

            if (id != group.GroupId)
            {
                throw Ec2NetworkErrors.GroupIdNotFound(id);
            }
        }

        if (groupNames.FirstOrDefault(name => name != group.GroupName) is { } unknown)
        {
            throw Ec2NetworkErrors.GroupNameNotFound(unknown, group.VpcId);
        }

        return GroupFilters.Apply([group], filters);
    }

    public static IReadOnlyList<AvailabilityZone> DescribeAvailabilityZones(
        string accountId, string region, IReadOnlyList<string> zoneNames, IReadOnlyList<string> zoneIds, IReadOnlyList<Ec2Filter> filters)
    {
        var zones = Ec2Network.For(accountId, region).Subnets.Select(s => new AvailabilityZone(s.AvailabilityZone, s.AvailabilityZoneId, region)).ToList();
        if (zoneNames.Concat(zoneIds).FirstOrDefault(z => zones.All(known => known.ZoneName != z && known.ZoneId != z)) is { } unknown)
        {
            throw Ec2NetworkErrors.ZoneNotFound(unknown);
        }

        return ZoneFilters.Apply(zones.Where(z => (zoneNames.Count == 0 && zoneIds.Count == 0) || zoneNames.Contains(z.ZoneName) || zoneIds.Contains(z.ZoneId)), filters);
    }
}
