using Emulator.Core.Store.Persistence;
using Emulator.Core.Store.Tracking;

namespace Emulator.Core.Ec2;

/// <summary>
/// One account's EC2 state in one region: instances, instance-profile associations, the account's
/// metadata defaults, launch idempotency tokens and the next free address of each default subnet.
/// Values are immutable records; the tables change only inside a store write.
/// </summary>
public sealed class Ec2RegionState
{
    private readonly TrackedValue<InstanceMetadataDefaults> metadataDefaults;

    public Ec2RegionState(string accountId, string region)
    {
        AccountId = accountId;
        Region = region;
        var scope = $"{accountId}/{region}";
        Instances = new("instance", scope, RowCodecs.Instance);
        Associations = new("association", scope, RowCodecs.Association);
        metadataDefaults = new("ec2-metadata-defaults", scope, RowCodecs.MetadataDefaults);
        ClientTokens = new("client-token", scope, RowCodecs.Text);
        AddressesUsed = new("addresses-used", scope, RowCodecs.Count);
    }

    public string AccountId { get; }

    public string Region { get; }

    public EntityTable<Instance> Instances { get; }

    /// <summary>Current associations by id; a disassociated or replaced one is removed.</summary>
    public EntityTable<IamInstanceProfileAssociation> Associations { get; }

    public InstanceMetadataDefaults MetadataDefaults
    {
        get => metadataDefaults.Value ?? InstanceMetadataDefaults.None;
        set => metadataDefaults.Value = value;
    }

    /// <summary>RunInstances ClientToken → the reservation it launched.</summary>
    public EntityTable<string> ClientTokens { get; }

    /// <summary>Addresses handed out so far per subnet id.</summary>
    public EntityTable<int> AddressesUsed { get; }

    public IamInstanceProfileAssociation? AssociationOf(string instanceId) =>
        Associations.Values.FirstOrDefault(a => a.InstanceId == instanceId);

    public IEnumerable<ITrackedRows> Tables() => [Instances, Associations, metadataDefaults, ClientTokens, AddressesUsed];

    public ITrackedRows? Table(string kind) => Tables().FirstOrDefault(t => t.Kind == kind);

    public Ec2RegionState Clone()
    {
        var copy = new Ec2RegionState(AccountId, Region);
        copy.metadataDefaults.Load("", metadataDefaults.RowOf("").Document);
        Instances.CopyInto(copy.Instances);
        Associations.CopyInto(copy.Associations);
        ClientTokens.CopyInto(copy.ClientTokens);
        AddressesUsed.CopyInto(copy.AddressesUsed);
        return copy;
    }
}
