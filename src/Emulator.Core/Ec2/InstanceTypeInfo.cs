namespace Emulator.Core.Ec2;

/// <summary>
/// One instance type as DescribeInstanceTypes shows it: the processor, memory and network figures that Terraform
/// and Ansible read (vCPUs, memory, architectures, network interfaces and addresses per interface).
/// </summary>
public sealed record InstanceTypeInfo
{
    public required string InstanceType { get; init; }

    public required int DefaultVCpus { get; init; }

    public required int DefaultCores { get; init; }

    public required int DefaultThreadsPerCore { get; init; }

    public required long MemoryMiB { get; init; }

    public required IReadOnlyList<string> Architectures { get; init; }

    public required string Manufacturer { get; init; }

    public required double SustainedClockSpeedGhz { get; init; }

    /// <summary><c>xen</c> for the older generation (t2), <c>nitro</c> for the rest.</summary>
    public required string Hypervisor { get; init; }

    public required string NetworkPerformance { get; init; }

    public required int MaximumNetworkInterfaces { get; init; }

    public required int Ipv4AddressesPerInterface { get; init; }

    public required bool BurstablePerformanceSupported { get; init; }

    public bool FreeTierEligible { get; init; }

    public bool IsNitro => Hypervisor == "nitro";
}
