using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Emulator.Core.Store.Persistence;

/// <summary>
/// State in one SQLite file (<c>--state sqlite:PATH</c>): write-ahead log with <c>synchronous=FULL</c>,
/// so a commit is on disk before the response that acknowledges it is sent.
/// </summary>
public sealed class SqliteStateDatabase : SqlStateDatabase
{
    private readonly string connectionString;

    public SqliteStateDatabase(string path)
    {
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        // The journal mode is a property of the file: set once, kept by every later connection.
        command.CommandText = "PRAGMA journal_mode=WAL";
        var mode = command.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"the SQLite file {path} cannot use write-ahead logging (journal mode is {mode}).");
        }
    }

    public override bool Shared => false;

    protected override string IdentityColumn => "id INTEGER PRIMARY KEY AUTOINCREMENT";

    public override void Dispose()
    {
        SqliteConnection.ClearAllPools();
        base.Dispose();
    }

    protected override DbConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000";
        command.ExecuteNonQuery();
        return connection;
    }

    // BEGIN IMMEDIATE: the write lock is taken at the start, so the rows read inside are the latest.
    protected override DbTransaction BeginExclusive(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);
}
