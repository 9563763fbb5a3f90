using System.Data;
using System.Data.Common;
using Emulator.Core.Store.Tracking;

namespace Emulator.Core.Store.Persistence;

/// <summary>
/// The state tables in a SQL database, in SQL both SQLite and PostgreSQL speak (upserts with
/// <c>ON CONFLICT</c>); what differs — opening a connection, taking the write lock — is the subclass's.
/// </summary>
public abstract class SqlStateDatabase : IStateDatabase
{
    public abstract bool Shared { get; }

    /// <summary>The column declaration of a key the database numbers itself, in this database's SQL.</summary>
    protected abstract string IdentityColumn { get; }

    /// <summary>Each migration brings the schema to its index + 1; add new ones at the end, never edit old ones.</summary>
    private string[][] Migrations =>
    [
        [
            "CREATE TABLE emulator_rows (kind TEXT NOT NULL, scope TEXT NOT NULL, name TEXT NOT NULL, revision BIGINT NOT NULL, document TEXT, PRIMARY KEY (kind, scope, name))",
            "CREATE INDEX emulator_rows_revision ON emulator_rows (revision)",
            "CREATE TABLE emulator_keys (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ],
        [
            $"CREATE TABLE emulator_trail ({IdentityColumn}, record TEXT NOT NULL)",
        ],
    ];

    public void Migrate()
    {
        var migrations = Migrations;
        using var transaction = Begin();
        transaction.Execute("CREATE TABLE IF NOT EXISTS emulator_schema (version INTEGER NOT NULL)");
        var version = Convert.ToInt32(transaction.Scalar("SELECT COALESCE(MAX(version), 0) FROM emulator_schema"));
        if (version > migrations.Length)
        {
            throw new InvalidDataException($"the state database has schema version {version}; this emulator knows versions up to {migrations.Length}. Use a newer emulator or another database.");
        }

        for (; version < migrations.Length; version++)
        {
            foreach (var statement in migrations[version])
            {
                transaction.Execute(statement);
            }

            transaction.Execute($"INSERT INTO emulator_schema (version) VALUES ({version + 1})");
        }

        transaction.Commit();
    }

    public long LatestRevision()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(revision), 0) FROM emulator_rows";
        return Convert.ToInt64(command.ExecuteScalar());
    }

    public IReadOnlyList<RevisedRow> RowsSince(long revision)
    {
        using var connection = Open();
        return ReadRows(connection, null, revision);
    }

    public IStateTransaction BeginWrite() => Begin();

    public string KeyOrAdd(string name, string candidate)
    {
        using var transaction = Begin();
        var existing = transaction.Scalar("SELECT value FROM emulator_keys WHERE name = @name", ("@name", name));
        if (existing is string value)
        {
            return value;
        }

        transaction.Execute("INSERT INTO emulator_keys (name, value) VALUES (@name, @value)", ("@name", name), ("@value", candidate));
        transaction.Commit();
        return candidate;
    }

    public void AppendTrail(IReadOnlyList<string> records, int keep)
    {
        // The trail needs no write lock (it is not part of the revisioned state): a plain transaction, rows in chunks.
        const int Chunk = 100;
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        for (var start = 0; start < records.Count; start += Chunk)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            var count = Math.Min(Chunk, records.Count - start);
            insert.CommandText = "INSERT INTO emulator_trail (record) VALUES " + string.Join(", ", Enumerable.Range(0, count).Select(i => $"(@r{i})"));
            for (var i = 0; i < count; i++)
            {
                Add(insert, $"@r{i}", records[start + i]);
            }

            insert.ExecuteNonQuery();
        }

        using var trim = connection.CreateCommand();
        trim.Transaction = transaction;
        trim.CommandText = "DELETE FROM emulator_trail WHERE id <= (SELECT MAX(id) FROM emulator_trail) - @keep";
        Add(trim, "@keep", (long)keep);
        trim.ExecuteNonQuery();
        transaction.Commit();
    }

    public IReadOnlyList<string> ReadTrail(int limit)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT record FROM emulator_trail ORDER BY id DESC LIMIT @limit";
        Add(command, "@limit", (long)limit);
        using var reader = command.ExecuteReader();
        var records = new List<string>();
        while (reader.Read())
        {
            records.Add(reader.GetString(0));
        }

        return records;
    }

    public void ClearTrail()
    {
        using var transaction = Begin();
        transaction.Execute("DELETE FROM emulator_trail");
        transaction.Commit();
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);

    /// <summary>An open connection, configured for durability.</summary>
    protected abstract DbConnection Open();

    /// <summary>Starts a transaction that excludes every other writer of the database until it ends.</summary>
    protected abstract DbTransaction BeginExclusive(DbConnection connection);

    private SqlTransaction Begin()
    {
        var connection = Open();
        try
        {
            return new SqlTransaction(connection, BeginExclusive(connection));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static List<RevisedRow> ReadRows(DbConnection connection, DbTransaction? transaction, long revision)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT kind, scope, name, document, revision FROM emulator_rows WHERE revision > @revision ORDER BY revision";
        Add(command, "@revision", revision);
        using var reader = command.ExecuteReader();
        var rows = new List<RevisedRow>();
        while (reader.Read())
        {
            rows.Add(new RevisedRow(
                new StateRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)),
                reader.GetInt64(4)));
        }

        return rows;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private sealed class SqlTransaction(DbConnection connection, DbTransaction transaction) : IStateTransaction
    {
        public IReadOnlyList<RevisedRow> RowsSince(long revision) => ReadRows(connection, transaction, revision);

        public void Write(IEnumerable<StateRow> rows, long revision)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO emulator_rows (kind, scope, name, revision, document) VALUES (@kind, @scope, @name, @revision, @document) "
                + "ON CONFLICT (kind, scope, name) DO UPDATE SET revision = excluded.revision, document = excluded.document";
            Add(command, "@kind", "");
            Add(command, "@scope", "");
            Add(command, "@name", "");
            Add(command, "@revision", revision);
            Add(command, "@document", null);
            command.Prepare();
            foreach (var row in rows)
            {
                command.Parameters[0].Value = row.Kind;
                command.Parameters[1].Value = row.Scope;
                command.Parameters[2].Value = row.Key;
                command.Parameters[4].Value = (object?)row.Document ?? DBNull.Value;
                command.ExecuteNonQuery();
            }
        }

        public void Execute(string sql, params (string Name, object? Value)[] parameters)
        {
            using var command = Command(sql, parameters);
            command.ExecuteNonQuery();
        }

        public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
        {
            using var command = Command(sql, parameters);
            return command.ExecuteScalar();
        }

        public void Commit() => transaction.Commit();

        public void Dispose()
        {
            transaction.Dispose();
            connection.Dispose();
        }

        private DbCommand Command(string sql, (string Name, object? Value)[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                Add(command, name, value);
            }

            return command;
        }
    }
}
