using Emulator.Core.Store.Tracking;

namespace Emulator.Core.Store.Persistence;

/// <summary>
/// Where a durable store keeps its rows: one table of (kind, scope, name) → document, each row stamped
/// with the revision that last wrote it (a deleted row stays as a tombstone, so other replicas learn of
/// the deletion), plus a table of key material and the schema version.
/// </summary>
public interface IStateDatabase : IDisposable
{
    /// <summary>True when other processes write the same database (PostgreSQL replicas): reads look for their writes first.</summary>
    bool Shared { get; }

    /// <summary>Creates or upgrades the schema; refuses a database written by a newer version.</summary>
    void Migrate();

    /// <summary>The newest revision committed by anyone.</summary>
    long LatestRevision();

    /// <summary>Rows written after <paramref name="revision"/>, each in its latest form.</summary>
    IReadOnlyList<RevisedRow> RowsSince(long revision);

    /// <summary>Starts a write that holds the database's write lock until it is committed or disposed.</summary>
    IStateTransaction BeginWrite();

    /// <summary>Appends audit records (JSON) in order and keeps only the newest <paramref name="keep"/>.</summary>
    void AppendTrail(IReadOnlyList<string> records, int keep);

    /// <summary>The newest <paramref name="limit"/> audit records (JSON), newest first, from every replica.</summary>
    IReadOnlyList<string> ReadTrail(int limit);

    void ClearTrail();

    /// <summary>The value stored under <paramref name="name"/>, storing <paramref name="candidate"/> first when there is none.</summary>
    string KeyOrAdd(string name, string candidate);
}
