namespace Emulator.Core.Ec2;

/// <summary>
/// DescribeInstanceTypes over a fixed catalog of common general-purpose, compute and memory types (t2, t3, t3a,
/// t4g, m5, m6g, c5, r5) with their published vCPU, memory and network figures. Launches accept any type name;
/// this catalog only answers the describe call tools make to size or validate a launch.
/// </summary>
public static class InstanceTypeCatalog
{
    // Declared before the catalog: static initializers run in text order.
    private static readonly (string Manufacturer, string Architecture, double Ghz) Intel = ("Intel", "x86_64", 3.1);

    private static readonly (string Manufacturer, string Architecture, double Ghz) Amd = ("AMD", "x86_64", 2.5);

    private static readonly (string Manufacturer, string Architecture, double Ghz) Graviton = ("AWS", "arm64", 2.5);

    public static IReadOnlyList<InstanceTypeInfo> All { get; } =
    [
        Xen("t2.nano", 1, 512, 2, 2, freeTier: false),
        Xen("t2.micro", 1, 1024, 2, 2, freeTier: true),
        Xen("t2.small", 1, 2048, 3, 4, freeTier: false),
        Xen("t2.medium", 2, 4096, 3, 6, freeTier: false),
        Xen("t2.large", 2, 8192, 3, 12, freeTier: false),
        Nitro("t3.nano", 2, 1, 512, "Up to 5 Gigabit", 2, 2, Intel, burstable: true),
        Nitro("t3.micro", 2, 1, 1024, "Up to 5 Gigabit", 2, 2, Intel, burstable: true, freeTier: true),
        Nitro("t3.small", 2, 1, 2048, "Up to 5 Gigabit", 3, 4, Intel, burstable: true),
        Nitro("t3.medium", 2, 1, 4096, "Up to 5 Gigabit", 3, 6, Intel, burstable: true),
        Nitro("t3.large", 2, 1, 8192, "Up to 5 Gigabit", 3, 12, Intel, burstable: true),
        Nitro("t3.xlarge", 4, 2, 16384, "Up to 5 Gigabit", 4, 15, Intel, burstable: true),
        Nitro("t3a.micro", 2, 1, 1024, "Up to 5 Gigabit", 2, 2, Amd, burstable: true),
        Nitro("t3a.small", 2, 1, 2048, "Up to 5 Gigabit", 2, 4, Amd, burstable: true),
        Nitro("t3a.medium", 2, 1, 4096, "Up to 5 Gigabit", 3, 6, Amd, burstable: true),
        Nitro("t3a.large", 2, 1, 8192, "Up to 5 Gigabit", 3, 12, Amd, burstable: true),
        Nitro("t4g.micro", 2, 2, 1024, "Up to 5 Gigabit", 2, 2, Graviton, burstable: true),
        Nitro("t4g.small", 2, 2, 2048, "Up to 5 Gigabit", 3, 4, Graviton, burstable: true),
        Nitro("t4g.medium", 2, 2, 4096, "Up to 5 Gigabit", 3, 6, Graviton, burstable: true),
        Nitro("m5.large", 2, 1, 8192, "Up to 10 Gigabit", 3, 10, Intel),
        Nitro("m5.xlarge", 4, 2, 16384, "Up to 10 Gigabit", 4, 15, Intel),
        Nitro("m5.2xlarge", 8, 4, 32768, "Up to 10 Gigabit", 4, 15, Intel),
        Nitro("m6g.large", 2, 2, 8192, "Up to 10 Gigabit", 3, 10, Graviton),
        Nitro("c5.large", 2, 1, 4096, "Up to 10 Gigabit", 3, 10, Intel),
        Nitro("c5.xlarge", 4, 2, 8192, "Up to 10 Gigabit", 4, 15, Intel),
        Nitro("r5.large", 2, 1, 16384, "Up to 10 Gigabit", 3, 10, Intel),
    ];

    private static readonly Ec2FilterSet<InstanceTypeInfo> Filters = new(taggable: false,
        ("instance-type", t => Ec2FilterValues.Of(t.InstanceType)),
        ("current-generation", _ => Ec2FilterValues.Of(true)),
        ("free-tier-eligible", t => Ec2FilterValues.Of(t.FreeTierEligible)),
        ("burstable-performance-supported", t => Ec2FilterValues.Of(t.BurstablePerformanceSupported)),
        ("hypervisor", t => Ec2FilterValues.Of(t.Hypervisor)),
        ("processor-info.supported-architecture", t => t.Architectures),
        ("processor-info.manufacturer", t => Ec2FilterValues.Of(t.Manufacturer)),
        ("vcpu-info.default-vcpus", t => Ec2FilterValues.Of(t.DefaultVCpus)),
        ("vcpu-info.default-cores", t => Ec2FilterValues.Of(t.DefaultCores)),
        ("vcpu-info.default-threads-per-core", t => Ec2FilterValues.Of(t.DefaultThreadsPerCore)),
        ("memory-info.size-in-mib", t => Ec2FilterValues.Of(t.MemoryMiB)),
        ("network-info.network-performance", t => Ec2FilterValues.Of(t.NetworkPerformance)),
        ("network-info.maximum-network-interfaces", t => Ec2FilterValues.Of(t.MaximumNetworkInterfaces)),
        ("network-info.ipv4-addresses-per-interface", t => Ec2FilterValues.Of(t.Ipv4AddressesPerInterface)),
        ("supported-root-device-type", _ => Ec2FilterValues.Of("ebs")),
        ("supported-virtualization-type", _ => Ec2FilterValues.Of("hvm")));

    /// <summary>Any type named in <c>InstanceType.N</c> that the catalog lacks fails the call, listing all such names.</summary>
    public static IReadOnlyList<InstanceTypeInfo> Describe(IReadOnlyList<string> instanceTypes, IReadOnlyList<Ec2Filter> filters)
    {
        var unknown = instanceTypes.Where(name => All.All(t => t.InstanceType != name)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw Ec2NetworkErrors.InstanceTypesNotFound(unknown);
        }

        return Filters.Apply(All.Where(t => instanceTypes.Count == 0 || instanceTypes.Contains(t.InstanceType)), filters);
    }

    /// <summary>t2: the previous generation on Xen, one thread per core, no ENA, moderate network.</summary>
    private static InstanceTypeInfo Xen(string name, int vcpus, long memory, int interfaces, int addresses, bool freeTier) => new()
    {
        InstanceType = name,
        DefaultVCpus = vcpus,
        DefaultCores = vcpus,
        DefaultThreadsPerCore = 1,
        MemoryMiB = memory,
        Architectures = ["i386", "x86_64"],
        Manufacturer = "Intel",
        SustainedClockSpeedGhz = 2.3,
        Hypervisor = "xen",
        NetworkPerformance = "Low to Moderate",
        MaximumNetworkInterfaces = interfaces,
        Ipv4AddressesPerInterface = addresses,
        BurstablePerformanceSupported = true,
        FreeTierEligible = freeTier,
    };

    private static InstanceTypeInfo Nitro(string name, int vcpus, int cores, long memory, string network, int interfaces, int addresses,
        (string Manufacturer, string Architecture, double Ghz) processor, bool burstable = false, bool freeTier = false) => new()
    {
        InstanceType = name,
        DefaultVCpus = vcpus,
        DefaultCores = cores,
        DefaultThreadsPerCore = vcpus / cores,
        MemoryMiB = memory,
        Architectures = [processor.Architecture],
        Manufacturer = processor.Manufacturer,
        SustainedClockSpeedGhz = processor.Ghz,
        Hypervisor = "nitro",
        NetworkPerformance = network,
        MaximumNetworkInterfaces = interfaces,
        Ipv4AddressesPerInterface = addresses,
        BurstablePerformanceSupported = burstable,
        FreeTierEligible = freeTier,
    };
}
