using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Emulator.Policy;

namespace Emulator.Core.Iam.Policies;

/// <summary>
/// AWS's managed policies in every partition, keyed by ARN. Read-only; a policy's document is compiled the first
/// time any partition's copy is evaluated, and each partition's record is made on first access and then kept.
/// </summary>
public sealed class AwsManagedPolicyCatalog : IReadOnlyDictionary<string, ManagedPolicy>
{
    private readonly IReadOnlyList<AwsManagedPolicies.Entry> entries;
    private readonly PolicyVersion[] versions;
    private readonly Dictionary<string, (int Partition, int Entry)> index;
    private readonly Lazy<ManagedPolicy>[][] policies;

    internal AwsManagedPolicyCatalog(IReadOnlyList<AwsManagedPolicies.Entry> entries)
    {
        this.entries = entries;
        versions = entries.Select(AwsManagedPolicies.Version).ToArray();
        index = new Dictionary<string, (int, int)>(entries.Count * AwsPartitions.All.Count, StringComparer.Ordinal);
        policies = new Lazy<ManagedPolicy>[AwsPartitions.All.Count][];
        for (var p = 0; p < AwsPartitions.All.Count; p++)
        {
            var partition = AwsPartitions.All[p];
            policies[p] = new Lazy<ManagedPolicy>[entries.Count];
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                var version = versions[i];
                index[entry.ArnIn(partition)] = (p, i);
                policies[p][i] = new Lazy<ManagedPolicy>(() => AwsManagedPolicies.Build(entry, version, partition), LazyThreadSafetyMode.ExecutionAndPublication);
            }
        }
    }

    /// <summary>The policies an account of <paramref name="partition"/> sees, by name order of the data file (ARN order).</summary>
    public IEnumerable<ManagedPolicy> InPartition(string partition)
    {
        var p = IndexOf(partition);
        return p < 0 ? [] : policies[p].Select(x => x.Value);
    }

    public int Count => index.Count;

    public IEnumerable<string> Keys => AwsPartitions.All.SelectMany(partition => entries.Select(e => e.ArnIn(partition)));

    public IEnumerable<ManagedPolicy> Values => AwsPartitions.All.SelectMany(InPartition);

    public ManagedPolicy this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => index.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out ManagedPolicy value)
    {
        if (index.TryGetValue(key, out var at))
        {
            value = policies[at.Partition][at.Entry].Value;
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, ManagedPolicy>> GetEnumerator() =>
        Values.Select(p => new KeyValuePair<string, ManagedPolicy>(p.Arn, p)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int IndexOf(string partition)
    {
        for (var p = 0; p < AwsPartitions.All.Count; p++)
        {
            if (AwsPartitions.All[p] == partition)
            {
                return p;
            }
        }

        return -1;
    }
}
