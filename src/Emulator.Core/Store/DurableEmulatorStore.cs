using Emulator.Core.Store.Persistence;
using Emulator.Core.Store.Tracking;

namespace Emulator.Core.Store;

/// <summary>
/// State in memory, every change committed to a database before the write returns (so before its
/// response is sent). Reads are served from memory; with a shared database (replicas) a read first
/// loads whatever other replicas committed since, so every acknowledged write is seen everywhere.
/// A change that throws, or whose commit fails, is undone in memory as well.
/// </summary>
public sealed class DurableEmulatorStore : IEmulatorStore, IDisposable
{
    private readonly Lock gate = new();
    private readonly IStateDatabase database;
    private EmulatorState state;
    private long revision;

    private DurableEmulatorStore(IStateDatabase database, EmulatorState state, long revision)
    {
        this.database = database;
        this.state = state;
        this.revision = revision;
    }

    /// <summary>
    /// Opens the database: an empty one receives <paramref name="seeded"/> (the seed file or the default
    /// account); one that holds state is loaded exactly as committed, and the seed is not applied again.
    /// </summary>
    public static DurableEmulatorStore Open(IStateDatabase database, EmulatorState seeded)
    {
        database.Migrate();
        using var transaction = database.BeginWrite();
        var rows = transaction.RowsSince(0);
        if (rows.Count == 0)
        {
            var state = seeded.Clone();
            transaction.Write(state.Rows(), 1);
            transaction.Commit();
            return new DurableEmulatorStore(database, state, 1);
        }

        var loaded = new EmulatorState(seeded.AwsManagedPolicies);
        loaded.Load(rows.Select(r => r.Row));
        return new DurableEmulatorStore(database, loaded, rows.Max(r => r.Revision));
    }

    public T Read<T>(Func<EmulatorState, T> read)
    {
        if (database.Shared && ChangeSet.Current is null)
        {
            CatchUp();
        }

        lock (gate)
        {
            return read(state);
        }
    }

    public T Write<T>(Func<EmulatorState, T> change)
    {
        lock (gate)
        {
            if (ChangeSet.Current is not null)
            {
                // A write inside a write is part of the outer one, which commits it.
                return change(state);
            }

            using var transaction = Guard(database.BeginWrite);
            Apply(Guard(() => transaction.RowsSince(revision)));
            var result = ChangeSet.Run(() => change(state), out var changes);
            if (changes is null || changes.IsEmpty)
            {
                return result;
            }

            try
            {
                transaction.Write(changes.Rows(), revision + 1);
                transaction.Commit();
            }
            catch (Exception e) when (DatabaseFailure.Is(e))
            {
                changes.Undo();
                throw DatabaseFailure.Unavailable();
            }

            revision++;
            return result;
        }
    }

    /// <summary>Replaces the whole state in one commit: rows that differ are written, rows that are gone become tombstones.</summary>
    public void Replace(EmulatorState newState)
    {
        lock (gate)
        {
            using var transaction = Guard(database.BeginWrite);
            Apply(Guard(() => transaction.RowsSince(revision)));
            var before = state.Rows().ToDictionary(r => (r.Kind, r.Scope, r.Key), r => r.Document);
            var after = newState.Rows().ToList();
            var present = after.Select(r => (r.Kind, r.Scope, r.Key)).ToHashSet();
            var changed = after.Where(r => !before.TryGetValue((r.Kind, r.Scope, r.Key), out var old) || old != r.Document)
                .Concat(before.Keys.Where(k => !present.Contains(k)).Select(k => new StateRow(k.Kind, k.Scope, k.Key, null)))
                .ToList();
            if (changed.Count > 0)
            {
                Guard(() =>
                {
                    transaction.Write(changed, revision + 1);
                    transaction.Commit();
                    return true;
                });
                revision++;
            }

            state = newState;
        }
    }

    /// <summary>The database under the store (the audit trail keeps its records there too).</summary>
    public IStateDatabase Database => database;

    public byte[] Key(string name, Func<byte[]> create) =>
        Convert.FromBase64String(Guard(() => database.KeyOrAdd(name, Convert.ToBase64String(create()))));

    public void Dispose() => database.Dispose();

    private void CatchUp()
    {
        var latest = Guard(database.LatestRevision);
        if (latest <= Volatile.Read(ref revision))
        {
            return;
        }

        lock (gate)
        {
            if (latest > revision)
            {
                Apply(Guard(() => database.RowsSince(revision)));
            }
        }
    }

    /// <summary>Loads rows other writers committed (never tracked: they are already in the database).</summary>
    private void Apply(IReadOnlyList<RevisedRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        state.Load(rows.Select(r => r.Row));
        Volatile.Write(ref revision, Math.Max(revision, rows.Max(r => r.Revision)));
    }

    private static T Guard<T>(Func<T> databaseCall)
    {
        try
        {
            return databaseCall();
        }
        catch (Exception e) when (DatabaseFailure.Is(e))
        {
            throw DatabaseFailure.Unavailable();
        }
    }
}
