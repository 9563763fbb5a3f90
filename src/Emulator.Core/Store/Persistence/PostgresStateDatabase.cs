using System.Data.Common;
using Npgsql;

namespace Emulator.Core.Store.Persistence;

/// <summary>
/// State in a PostgreSQL database shared by several emulator replicas (<c>--state postgres://…</c>).
/// Writers serialise on one transaction-scoped advisory lock, so a replica's write always starts from
/// every write acknowledged before it; readers compare revisions before answering.
/// </summary>
public sealed class PostgresStateDatabase : SqlStateDatabase
{
    /// <summary>The advisory lock id every replica's writes take ("emul" in ASCII).</summary>
    private const long WriteLockId = 0x656d756c;

    private readonly NpgsqlDataSource dataSource;

    public PostgresStateDatabase(string url)
    {
        dataSource = new NpgsqlSlimDataSourceBuilder(ConnectionString(url)).Build();
    }

    public override bool Shared => true;

    protected override string IdentityColumn => "id BIGSERIAL PRIMARY KEY";

    public override void Dispose()
    {
        dataSource.Dispose();
        base.Dispose();
    }

    /// <summary>Turns <c>postgres://user:password@host:port/database</c> into Npgsql's connection string.</summary>
    public static string ConnectionString(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql") || uri.Host.Length == 0)
        {
            throw new ArgumentException("--state postgres:// needs the form postgres://user:password@host:port/database.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } database ? database : "postgres",
            Timeout = 10,
            CommandTimeout = 30,
        };
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':');
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        return builder.ToString();
    }

    protected override DbConnection Open() => dataSource.OpenConnection();

    protected override DbTransaction BeginExclusive(DbConnection connection)
    {
        var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({WriteLockId})";
        command.ExecuteNonQuery();
        return transaction;
    }
}
