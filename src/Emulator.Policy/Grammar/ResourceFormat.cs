namespace Emulator.Policy;

/// <summary>The resource-format checks of IAM's validator, with its messages and its legacy-parser rule for ARNs.</summary>
internal static class ResourceFormat
{
    private static readonly string[] IamResourceTypes =
    [
        "user/", "federated-user/", "role/", "group/", "instance-profile/", "mfa/", "server-certificate/",
        "policy/", "sms-mfa/", "saml-provider/", "oidc-provider/", "report/", "access-report/",
    ];

    /// <summary>The message for a badly formed resource, or null when it is acceptable.</summary>
    public static string? Check(string resource)
    {
        if (resource == "*")
        {
            return null;
        }

        // IAM checks that there is a colon, not that the resource starts with "arn".
        var firstColon = resource.IndexOf(':', StringComparison.Ordinal);
        if (firstColon < 0)
        {
            return PolicyGrammarMessages.ResourceNotArn(resource);
        }

        var (partition, hasRest, rest) = Partition(resource[(firstColon + 1)..]);
        if (partition != "*" && !AwsPartitions.IsKnown(partition))
        {
            return PolicyGrammarMessages.InvalidPartition(partition, NormalizeForPartitionMessage(partition, rest));
        }

        if (!hasRest)
        {
            return PolicyGrammarMessages.ResourceVendorNotQualified;
        }

        var (service, _, afterService) = Partition(rest);
        var (_, _, afterRegion) = Partition(afterService);
        var (_, _, resourceId) = Partition(afterRegion);
        var hasRegion = !afterService.StartsWith(':');
        if (hasRegion && service == "iam")
        {
            return PolicyGrammarMessages.IamResourceWithRegion(resource);
        }

        // Buckets and objects (arn:aws:s3:::name, no account) are global; S3's account-scoped resources (access
        // points, access grants, Storage Lens, batch jobs) are regional, as AWS's own managed policies show.
        if (hasRegion && service == "s3" && afterRegion.StartsWith(':'))
        {
            return PolicyGrammarMessages.S3ResourceWithRegion(resource);
        }

        if (service == "iam" && !IsIamResourceId(resourceId))
        {
            return PolicyGrammarMessages.IamResourcePath;
        }

        return null;
    }

    /// <summary>The message for a resource whose partition is another than the one the policy is written in, or null.</summary>
    public static string? PartitionError(string resource, string partition)
    {
        var firstColon = resource.IndexOf(':', StringComparison.Ordinal);
        if (firstColon < 0)
        {
            return null;
        }

        var (resourcePartition, _, rest) = Partition(resource[(firstColon + 1)..]);
        return resourcePartition == "*" || resourcePartition == partition
            ? null
            : PolicyGrammarMessages.InvalidPartition(resourcePartition, NormalizeForPartitionMessage(resourcePartition, rest));
    }

    /// <summary>
    /// IAM's legacy parser refuses an ARN that has "::" yet fewer than five colons, or an empty service.
    /// </summary>
    public static bool PassesLegacyParsing(string resource)
    {
        if (resource == "*")
        {
            return true;
        }

        var colons = resource.AsSpan().Count(':');
        if (colons < 5 && resource.Contains("::", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = resource.Split(':');
        return parts.Length > 2 && parts[2].Length > 0;
    }

    private static bool IsIamResourceId(string resourceId)
    {
        if (resourceId == "root" || resourceId.StartsWith('*'))
        {
            return true;
        }

        foreach (var type in IamResourceTypes)
        {
            if (resourceId.StartsWith(type, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Rebuilds the resource as six parts, with <c>*</c> for the missing ones, as IAM's message shows it.</summary>
    private static string NormalizeForPartitionMessage(string partition, string rest)
    {
        var parts = rest.Split(':');
        var service = parts[0].Length > 0 || parts.Length > 1 ? parts[0] : "*";
        var region = parts.Length > 1 ? parts[1] : "*";
        var account = parts.Length > 2 ? parts[2] : "*";
        var resourceId = parts.Length > 3 ? string.Join(':', parts, 3, parts.Length - 3) : "*";
        return $"arn:{partition}:{service}:{region}:{account}:{resourceId}";
    }

    /// <summary>Splits at the first colon: (before, whether there was one, after).</summary>
    private static (string Before, bool Found, string After) Partition(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (text, false, string.Empty) : (text[..colon], true, text[(colon + 1)..]);
    }
}
