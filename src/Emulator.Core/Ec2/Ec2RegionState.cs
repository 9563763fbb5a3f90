namespace Emulator.Core.Ec2;

/// <summary>
/// One account's EC2 state in one region: instances, instance-profile associations, the account's
/// metadata defaults, launch idempotency tokens and the next free address of each default subnet.
/// Values are immutable records; the collections change only inside a store write.
/// </summary>
public sealed class Ec2RegionState(string accountId, string region)
{
    public string AccountId { get; } = accountId;

    public string Region { get; } = region;

    public Dictionary<string, Instance> Instances { get; } = new(StringComparer.Ordinal);

    /// <summary>Current associations by id; a disassociated or replaced one is removed.</summary>
    public Dictionary<string, IamInstanceProfileAssociation> Associations { get; } = new(StringComparer.Ordinal);

    public InstanceMetadataDefaults MetadataDefaults { get; set; } = InstanceMetadataDefaults.None;

    /// <summary>RunInstances ClientToken → the reservation it launched.</summary>
    public Dictionary<string, string> ClientTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Addresses handed out so far per subnet id.</summary>
    public Dictionary<string, int> AddressesUsed { get; } = new(StringComparer.Ordinal);

    public IamInstanceProfileAssociation? AssociationOf(string instanceId) =>
        Associations.Values.FirstOrDefault(a => a.InstanceId == instanceId);

    public Ec2RegionState Clone()
    {
        var copy = new Ec2RegionState(AccountId, Region) { MetadataDefaults = MetadataDefaults };
        foreach (var (key, value) in Instances)
        {
            copy.Instances[key] = value;
        }

        foreach (var (key, value) in Associations)
        {
            copy.Associations[key] = value;
        }

        foreach (var (key, value) in ClientTokens)
        {
            copy.ClientTokens[key] = value;
        }

        foreach (var (key, value) in AddressesUsed)
        {
            copy.AddressesUsed[key] = value;
        }

        return copy;
    }
}
