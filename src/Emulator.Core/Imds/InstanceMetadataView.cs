using Emulator.Core.Ec2;
using Emulator.Core.Iam.InstanceProfiles;
using Emulator.Core.Iam.Roles;
using Emulator.Core.Store;

namespace Emulator.Core.Imds;

/// <summary>
/// What IMDS needs to know about one instance, read in one consistent snapshot: the instance, its state
/// now, its current association and, through it, the instance profile and its role. A profile replaced
/// by one of the same name (another id) counts as deleted, as AWS's association keeps the old id.
/// </summary>
public sealed record InstanceMetadataView(
    Instance Instance,
    InstanceStateName State,
    IamInstanceProfileAssociation? Association,
    InstanceProfile? Profile,
    Role? Role,
    bool RoleTrustsEc2)
{
    public bool IsRunning => State == InstanceStateName.Running;

    public static InstanceMetadataView? Load(IEmulatorStore store, string instanceId, DateTimeOffset now) => store.Read(state =>
        InstanceOperations.FindIn(state, instanceId) is { } instance ? Of(state, instance, now) : null);

    /// <summary>Every instance not terminated at <paramref name="now"/>, in launch order.</summary>
    public static IReadOnlyList<InstanceMetadataView> LoadLive(IEmulatorStore store, DateTimeOffset now) => store.Read(state => state.Accounts.Values
        .SelectMany(a => a.Ec2Regions.Values)
        .SelectMany(ec2 => ec2.Instances.Values)
        .Where(i => !i.IsTerminatedAt(now))
        .OrderBy(i => i.LaunchTime).ThenBy(i => i.InstanceId, StringComparer.Ordinal)
        .Select(i => Of(state, i, now))
        .ToList());

    private static InstanceMetadataView Of(EmulatorState state, Instance instance, DateTimeOffset now)
    {
        var association = InstanceOperations.Ec2Of(state, instance.AccountId, instance.Region)?.AssociationOf(instance.InstanceId);
        var associated = AssociatedProfile.Of(state.Accounts[instance.AccountId], association);
        return new InstanceMetadataView(instance, instance.StateAt(now), association, associated.Profile, associated.Role, associated.RoleTrustsEc2);
    }
}
