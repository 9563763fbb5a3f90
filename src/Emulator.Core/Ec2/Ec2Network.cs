using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Emulator.Core.Ec2;

/// <summary>
/// The default network every account has in every region, as AWS creates it: one default VPC
/// (172.31.0.0/16), one default subnet per availability zone (a /20 each, in zone order) and the VPC's
/// <c>default</c> security group. Its ids are derived from the account and region, so they are the same
/// after a reset or a restart, and tools that describe the network before launching find it.
/// </summary>
public sealed class Ec2Network
{
    public const string VpcCidr = "172.31.0.0/16";

    private static readonly string[] ZoneLetters = ["a", "b", "c"];

    private Ec2Network(string accountId, string region)
    {
        AccountId = accountId;
        Region = region;
        VpcId = "vpc-" + Derived(accountId, region, "vpc");
        SecurityGroupId = "sg-" + Derived(accountId, region, "sg-default");
        Subnets = ZoneLetters.Select((letter, index) => new DefaultSubnet(
            "subnet-" + Derived(accountId, region, "subnet-" + letter),
            region + letter,
            ZoneId(region, index),
            $"172.31.{index * 16}.0/20",
            index)).ToList();
    }

    public string AccountId { get; }

    public string Region { get; }

    public string VpcId { get; }

    public string SecurityGroupId { get; }

    public const string SecurityGroupName = "default";

    public IReadOnlyList<DefaultSubnet> Subnets { get; }

    /// <summary>The ids are hashes: each network is made once (a bounded cache, as any number of accounts may call).</summary>
    private static readonly Caching.BoundedCache<(string, string), Ec2Network> Networks = new(4096);

    public static Ec2Network For(string accountId, string region) => Networks.GetOrAdd((accountId, region), key => new Ec2Network(key.Item1, key.Item2));

    /// <summary>The default subnet with this id, or (for any other id, which the emulator accepts and shows as given) null.</summary>
    public DefaultSubnet? Subnet(string subnetId) => Subnets.FirstOrDefault(s => s.SubnetId == subnetId);

    public DefaultSubnet SubnetInZone(string? zone) => Subnets.FirstOrDefault(s => s.AvailabilityZone == zone) ?? Subnets[0];

    /// <summary>The <paramref name="ordinal"/>-th address handed out in a subnet: AWS keeps the first four of every subnet.</summary>
    public static string Address(DefaultSubnet subnet, int ordinal)
    {
        var offset = 4 + ordinal;
        return $"172.31.{(subnet.Index * 16) + (offset / 256)}.{offset % 256}";
    }

    public static string PrivateDnsName(string privateIp, string region)
    {
        var host = "ip-" + privateIp.Replace('.', '-');
        return region == "us-east-1" ? $"{host}.ec2.internal" : $"{host}.{region}.compute.internal";
    }

    /// <summary>Zone ids as AWS prints them (use1-az1); the mapping to names is per account on AWS, fixed here.</summary>
    private static string ZoneId(string region, int index)
    {
        var parts = region.Split('-');
        var prefix = parts.Length >= 3
            ? string.Concat(parts[..^1].Select(p => p.Length > 0 ? p[..Math.Min(p.Length, p == parts[0] ? 2 : 1)] : "")) + parts[^1]
            : region;
        return $"{prefix}-az{index + 1}";
    }

    public static bool IsIpv4(string value) =>
        IPAddress.TryParse(value, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
        && value.Count(c => c == '.') == 3;

    internal static string Derived(string accountId, string region, string what)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{accountId}/{region}/{what}"));
        return Convert.ToHexStringLower(hash)[..17];
    }

    public static string Hex(int value) => value.ToString("x", CultureInfo.InvariantCulture);
}
