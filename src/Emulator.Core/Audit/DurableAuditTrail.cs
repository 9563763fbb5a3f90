using System.Text.Json;
using Emulator.Core.Store.Persistence;

namespace Emulator.Core.Audit;

/// <summary>
/// The audit trail in the state database (<c>--state</c>): records are written in batches a moment after
/// the call (the request never waits for the trail's commit), kept to the newest <c>capacity</c>, and read
/// back from the database, so a replica's trail shows every replica's calls and a restart keeps the history.
/// A query first writes what is pending, so it sees every call answered before it.
/// </summary>
public sealed class DurableAuditTrail : IAuditTrail, IDisposable
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);

    private readonly IStateDatabase database;
    private readonly int capacity;
    private readonly Lock gate = new();
    private readonly Lock flushing = new();
    private readonly Thread writer;
    private readonly CancellationTokenSource stopping = new();
    private List<AuditRecord> pending = [];

    public DurableAuditTrail(IStateDatabase database, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.database = database;
        this.capacity = capacity;
        // One dedicated writer thread: database calls block, and must neither pile up nor take the request threads.
        writer = new Thread(WriteLoop) { IsBackground = true, Name = "audit trail writer" };
        writer.Start();
    }

    /// <summary>Records the database could not take (it was down), counted rather than retried without end.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    private long dropped;

    public void Append(AuditRecord record)
    {
        lock (gate)
        {
            if (pending.Count >= capacity)
            {
                // The database has not kept up (or is down): the oldest pending record goes, as the ring would drop it.
                pending.RemoveAt(0);
                Interlocked.Increment(ref dropped);
            }

            pending.Add(record);
        }
    }

    /// <summary>The records matching <paramref name="query"/>; a database that fails is ServiceUnavailable (503).</summary>
    public IReadOnlyList<AuditRecord> Query(AuditQuery query)
    {
        IReadOnlyList<string> stored;
        try
        {
            Flush(rethrow: true);
            stored = database.ReadTrail(capacity);
        }
        catch (Exception e) when (DatabaseFailure.Is(e))
        {
            throw DatabaseFailure.Unavailable();
        }

        var limit = query.Limit ?? int.MaxValue;
        var result = new List<AuditRecord>();
        foreach (var json in stored)
        {
            var record = JsonSerializer.Deserialize(json, AuditJsonContext.Default.AuditRecord);
            if (record is not null && query.Matches(record))
            {
                result.Add(record);
                if (result.Count >= limit)
                {
                    break;
                }
            }
        }

        return result;
    }

    public void Clear()
    {
        lock (flushing)
        {
            lock (gate)
            {
                pending.Clear();
            }

            try
            {
                database.ClearTrail();
            }
            catch (Exception e) when (DatabaseFailure.Is(e))
            {
                throw DatabaseFailure.Unavailable();
            }
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        writer.Join();
        Flush(rethrow: false);
        stopping.Dispose();
    }

    private void WriteLoop()
    {
        while (!stopping.Token.WaitHandle.WaitOne(FlushInterval))
        {
            Flush(rethrow: false);
        }
    }

    /// <summary>
    /// Writes the pending records, in order; one flush at a time keeps the database's order the calls' order.
    /// A batch the database refuses is lost and counted (the next batch tries again).
    /// </summary>
    private void Flush(bool rethrow)
    {
        lock (flushing)
        {
            List<AuditRecord> batch;
            lock (gate)
            {
                if (pending.Count == 0)
                {
                    return;
                }

                batch = pending;
                pending = [];
            }

            try
            {
                database.AppendTrail(batch.Select(r => JsonSerializer.Serialize(r, AuditJsonContext.Default.AuditRecord)).ToList(), capacity);
            }
            catch (Exception e) when (DatabaseFailure.Is(e))
            {
                Interlocked.Add(ref dropped, batch.Count);
                if (rethrow)
                {
                    throw;
                }
            }
        }
    }
}
