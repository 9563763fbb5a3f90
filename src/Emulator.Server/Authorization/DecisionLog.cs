namespace Emulator.Server.Authorization;

/// <summary>The last N authorization decisions (allows too), newest first, queryable by principal, action and decision.</summary>
public sealed class DecisionLog(int capacity = 1000)
{
    private readonly Lock gate = new();
    private readonly Queue<DecisionRecord> records = new();

    public void Add(DecisionRecord record)
    {
        lock (gate)
        {
            records.Enqueue(record);
            while (records.Count > capacity)
            {
                records.Dequeue();
            }
        }
    }

    public IReadOnlyList<DecisionRecord> Query(string? principal, string? action, string? decision, int limit)
    {
        lock (gate)
        {
            return records.Reverse()
                .Where(r => principal is null || r.Principal.Contains(principal, StringComparison.Ordinal))
                .Where(r => action is null || string.Equals(r.Action, action, StringComparison.OrdinalIgnoreCase))
                .Where(r => decision is null || string.Equals(r.Decision, decision, StringComparison.OrdinalIgnoreCase)
                    || (decision.Equals("deny", StringComparison.OrdinalIgnoreCase) && r.Decision.EndsWith("Deny", StringComparison.Ordinal)))
                .Take(limit)
                // Keys are recorded as the context holds them and sorted only when someone asks.
                .Select(r => r with { ContextKeys = r.ContextKeys.Order(StringComparer.OrdinalIgnoreCase).ToList() })
                .ToList();
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            records.Clear();
        }
    }
}
