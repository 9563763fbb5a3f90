namespace Emulator.Policy;

/// <summary>
/// An Amazon Resource Name, <c>arn:partition:service:region:account-id:resource</c>. Parsing follows the AWS SDKs'
/// rules: the literal <c>arn</c>, then partition and service (both non-empty), region and account (either may be
/// empty), and a non-empty resource that keeps any further colons (<c>arn:aws:sns:us-east-1:1:topic:sub</c>).
/// </summary>
public readonly record struct Arn(string Partition, string Service, string Region, string Account, string Resource)
{
    /// <summary>An IAM ARN (IAM is global: no region), e.g. <c>arn:aws-cn:iam::123456789012:role/app</c>.</summary>
    public static Arn Iam(string partition, string account, string resource) => new(partition, "iam", "", account, resource);

    /// <summary>An STS ARN, e.g. <c>arn:aws:sts::123456789012:assumed-role/app/session</c>.</summary>
    public static Arn Sts(string partition, string account, string resource) => new(partition, "sts", "", account, resource);

    /// <summary>A regional resource's ARN, in the partition of its region: <c>arn:aws-cn:ec2:cn-north-1:…:instance/i-…</c>.</summary>
    public static Arn Regional(string service, string region, string account, string resource) =>
        new(AwsPartitions.OfRegion(region), service, region, account, resource);

    /// <summary>An account's root user, <c>arn:partition:iam::account:root</c>.</summary>
    public static Arn Root(string partition, string account) => Iam(partition, account, "root");

    public static bool TryParse(string? text, out Arn arn)
    {
        arn = default;
        if (text is null || !text.StartsWith("arn:", StringComparison.Ordinal))
        {
            return false;
        }

        var span = text.AsSpan(4);
        Span<Range> fields = stackalloc Range[5];
        if (span.Split(fields, ':') != 5)
        {
            return false;
        }

        var partition = span[fields[0]];
        var service = span[fields[1]];
        var resource = span[fields[4]];
        if (partition.IsEmpty || service.IsEmpty || resource.IsEmpty)
        {
            return false;
        }

        arn = new Arn(partition.ToString(), service.ToString(), span[fields[2]].ToString(), span[fields[3]].ToString(), resource.ToString());
        return true;
    }

    /// <summary>The parsed ARN, or null when the text is not one.</summary>
    public static Arn? Parse(string? text) => TryParse(text, out var arn) ? arn : null;

    /// <summary>The resource type: <c>role</c> in <c>role/path/name</c>, <c>instance</c> in <c>instance/i-…</c>.</summary>
    public string ResourceType => Resource.IndexOfAny(['/', ':']) is var at and > 0 ? Resource[..at] : Resource;

    /// <summary>This ARN in another partition (an account's AWS managed policies are the same documents in every partition).</summary>
    public Arn InPartition(string partition) => this with { Partition = partition };

    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{Account}:{Resource}";
}
