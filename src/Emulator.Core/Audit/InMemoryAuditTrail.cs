namespace Emulator.Core.Audit;

/// <summary>The newest <c>capacity</c> records in a ring: appending is constant time, the oldest record goes first.</summary>
public sealed class InMemoryAuditTrail : IAuditTrail
{
    private readonly Lock gate = new();
    private readonly AuditRecord?[] ring;
    private int next;
    private int count;

    public InMemoryAuditTrail(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ring = new AuditRecord?[capacity];
    }

    public int Capacity => ring.Length;

    public void Append(AuditRecord record)
    {
        lock (gate)
        {
            ring[next] = record;
            next = (next + 1) % ring.Length;
            count = Math.Min(count + 1, ring.Length);
        }
    }

    public IReadOnlyList<AuditRecord> Query(AuditQuery query)
    {
        var limit = query.Limit ?? int.MaxValue;
        var result = new List<AuditRecord>();
        lock (gate)
        {
            for (var i = 1; i <= count && result.Count < limit; i++)
            {
                var record = ring[(next - i + ring.Length) % ring.Length]!;
                if (query.Matches(record))
                {
                    result.Add(record);
                }
            }
        }

        return result;
    }

    public void Clear()
    {
        lock (gate)
        {
            Array.Clear(ring);
            next = 0;
            count = 0;
        }
    }
}
