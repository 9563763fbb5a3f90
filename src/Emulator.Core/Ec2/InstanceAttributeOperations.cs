namespace Emulator.Core.Ec2;

/// <summary>
/// DescribeInstanceAttribute: one attribute of one instance per call. The values come from the instance itself;
/// this class decides which attribute names EC2 answers.
/// </summary>
public sealed class InstanceAttributeOperations(InstanceOperations instances)
{
    /// <summary>
    /// The model's InstanceAttributeName values, less <c>enaSupport</c>: the API reference says DescribeInstanceAttribute
    /// does not support it, and EC2 answers "Unknown attribute" for it (the instance's enaSupport is in DescribeInstances).
    /// </summary>
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "instanceType", "kernel", "ramdisk", "userData", "disableApiTermination", "instanceInitiatedShutdownBehavior", "rootDeviceName",
        "blockDeviceMapping", "productCodes", "sourceDestCheck", "groupSet", "ebsOptimized", "sriovNetSupport", "enclaveOptions", "disableApiStop",
    };

    /// <summary>The instance, once the attribute name and the instance id are known good (the id checked as DescribeInstances checks it).</summary>
    public InstanceView Describe(string accountId, string region, string? instanceId, string? attribute)
    {
        if (instanceId is null)
        {
            throw Ec2Errors.MissingParameter("InstanceId");
        }

        if (attribute is null)
        {
            throw Ec2Errors.MissingParameter("Attribute");
        }

        if (!Names.Contains(attribute))
        {
            throw Ec2NetworkErrors.UnknownAttribute(attribute);
        }

        var (reservations, _) = instances.Describe(accountId, region, [instanceId], [], null, null);
        return reservations[0].Instances[0];
    }
}
