using Emulator.Core.Imds;

namespace Emulator.Server.Imds;

/// <summary>The live instances as one store read saw them, in launch order, and the IMDS port of each (by instance id).</summary>
public sealed record ImdsSnapshot(IReadOnlyList<InstanceMetadataView> Instances, IReadOnlyDictionary<string, int> Ports)
{
    public InstanceMetadataView? Find(string instanceId) => Instances.FirstOrDefault(v => v.Instance.InstanceId == instanceId);
}
