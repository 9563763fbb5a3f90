using System.Text.RegularExpressions;

namespace Emulator.Policy;

/// <summary>
/// AWS's partitions and which region belongs to which, from botocore's <c>data/partitions.json</c> (botocore 1.43):
/// a region named in a partition's list belongs to it, else the first partition whose <c>regionRegex</c>
/// matches, else <c>aws</c> (the SDKs' default for a region they do not know).
/// </summary>
public static partial class AwsPartitions
{
    public const string Aws = "aws";

    /// <summary>Every partition id, in botocore's order.</summary>
    public static IReadOnlyList<string> All { get; } =
        ["aws", "aws-cn", "aws-eusc", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-us-gov"];

    private static readonly (string Partition, Regex RegionRegex)[] RegionRegexes =
    [
        ("aws", AwsRegions()),
        ("aws-cn", ChinaRegions()),
        ("aws-eusc", EuropeanSovereignRegions()),
        ("aws-iso", IsoRegions()),
        ("aws-iso-b", IsoBRegions()),
        ("aws-iso-e", IsoERegions()),
        ("aws-iso-f", IsoFRegions()),
        ("aws-us-gov", GovCloudRegions()),
    ];

    /// <summary>The partition-wide pseudo regions botocore lists by name (the rest are matched by the regexes).</summary>
    private static readonly Dictionary<string, string> GlobalRegions = new(StringComparer.Ordinal)
    {
        ["aws-global"] = "aws",
        ["aws-cn-global"] = "aws-cn",
        ["aws-iso-global"] = "aws-iso",
        ["aws-iso-b-global"] = "aws-iso-b",
        ["aws-iso-e-global"] = "aws-iso-e",
        ["aws-iso-f-global"] = "aws-iso-f",
        ["aws-us-gov-global"] = "aws-us-gov",
    };

    public static bool IsKnown(string partition) => All.Contains(partition, StringComparer.Ordinal);

    /// <summary>The partition a region belongs to: <c>cn-north-1</c> is <c>aws-cn</c>, <c>us-gov-west-1</c> is <c>aws-us-gov</c>.</summary>
    public static string OfRegion(string region)
    {
        if (GlobalRegions.TryGetValue(region, out var global))
        {
            return global;
        }

        foreach (var (partition, regex) in RegionRegexes)
        {
            if (regex.IsMatch(region))
            {
                return partition;
            }
        }

        return Aws;
    }

    // The regexes exactly as botocore writes them (\w is ASCII there; RegexOptions.ECMAScript keeps it so here).
    [GeneratedRegex(@"^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$", RegexOptions.ECMAScript | RegexOptions.CultureInvariant)]
    private static partial Regex AwsRegions();

    [GeneratedRegex(@"^cn\-\w+\-\d+$", RegexOptions.ECMAScript | RegexOptions.CultureInvariant)]
    private static partial Regex ChinaRegions();

    [GeneratedRegex(@"^eusc\-(de)\-\w+\-\d+$", RegexOptions.ECMAScript | RegexOptions.CultureInvariant)]
    private static partial Regex EuropeanSovereignRegions();

    [GeneratedRegex(@"^us\-iso\-\w+\-\d+$", RegexOptions.ECMAScript | RegexOptions.CultureInvariant)]
    private static partial Regex IsoRegions();

    [GeneratedRegex(@"^us\-isob\-\w+\-\d+$", RegexOptions.ECMAScript | RegexOptions.CultureInvariant)]
    private static partial Regex IsoBRegions();

    [GeneratedRegex(@"^eu\-isoe\-\w+\-\d+$", RegexOptions.ECMAScript | RegexOptions.CultureInvariant)]
    private static partial Regex IsoERegions();

    [GeneratedRegex(@"^us\-isof\-\w+\-\d+$", RegexOptions.ECMAScript | RegexOptions.CultureInvariant)]
    private static partial Regex IsoFRegions();

    [GeneratedRegex(@"^us\-gov\-\w+\-\d+$", RegexOptions.ECMAScript | RegexOptions.CultureInvariant)]
    private static partial Regex GovCloudRegions();
}
