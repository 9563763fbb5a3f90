namespace Emulator.Core.Ec2;

/// <summary>
/// DescribeInstanceStatus. EC2 lists only running instances unless IncludeAllInstances is true, even when ids are
/// named. The emulator's instances never fail a check: a running one reports <c>ok</c> for both the instance and the
/// system check, a pending one <c>initializing</c>, any other state <c>not-applicable</c>.
/// </summary>
public sealed class InstanceStatusOperations(InstanceOperations instances)
{
    private static readonly Ec2FilterSet<InstanceView> Filters = new(taggable: false,
        ("availability-zone", v => Ec2FilterValues.Of(v.Instance.AvailabilityZone)),
        ("instance-state-name", v => Ec2FilterValues.Of(v.State.Name)),
        ("instance-state-code", v => Ec2FilterValues.Of(v.State.Code)),
        ("instance-status.status", v => Ec2FilterValues.Of(Status(v.State))),
        ("instance-status.reachability", v => Ec2FilterValues.Of(Reachability(v.State))),
        ("system-status.status", v => Ec2FilterValues.Of(Status(v.State))),
        ("system-status.reachability", v => Ec2FilterValues.Of(Reachability(v.State))));

    public IReadOnlyList<InstanceView> Describe(string accountId, string region, IReadOnlyList<string> instanceIds, IReadOnlyList<Ec2Filter> filters, bool includeAllInstances)
    {
        var (reservations, _) = instances.Describe(accountId, region, instanceIds, [], null, null);
        var views = reservations.SelectMany(r => r.Instances).Where(v => includeAllInstances || v.State == InstanceStateName.Running);
        return Filters.Apply(views, filters);
    }

    /// <summary>The summary status of both checks for an instance in this state.</summary>
    public static string Status(InstanceStateName state) =>
        state == InstanceStateName.Running ? "ok" : state == InstanceStateName.Pending ? "initializing" : "not-applicable";

    /// <summary>The one detail of each check (reachability): passed once running, initializing before.</summary>
    public static string? Reachability(InstanceStateName state) =>
        state == InstanceStateName.Running ? "passed" : state == InstanceStateName.Pending ? "initializing" : null;
}
