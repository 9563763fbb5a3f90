using System.Data.Common;
using Emulator.Core.Store.Persistence;

namespace Emulator.Core.Store;

/// <summary>Where <c>--state</c> says the state lives: <c>sqlite:PATH</c> or <c>postgres://user:password@host:port/database</c>.</summary>
public sealed record StateLocation(string Scheme, string Target)
{
    public const string Forms = "sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE";

    /// <exception cref="ArgumentException">Neither form, or an empty path.</exception>
    public static StateLocation Parse(string value)
    {
        if (value.StartsWith("sqlite:", StringComparison.Ordinal))
        {
            var path = value["sqlite:".Length..];
            return path.Length > 0 ? new StateLocation("sqlite", path) : throw new ArgumentException($"--state sqlite: needs a file path ({Forms}).");
        }

        if (value.StartsWith("postgres://", StringComparison.Ordinal) || value.StartsWith("postgresql://", StringComparison.Ordinal))
        {
            PostgresStateDatabase.ConnectionString(value);
            return new StateLocation("postgres", value);
        }

        throw new ArgumentException($"--state must be {Forms}, not '{Redacted(value)}'.");
    }

    /// <summary>For logs and messages: the location without its password.</summary>
    public override string ToString() => Scheme == "sqlite" ? $"sqlite:{Target}" : Redacted(Target);

    /// <summary>Opens the store: the database's state, or the seeded one written into an empty database.</summary>
    /// <exception cref="StateStoreException">The database cannot be opened, migrated or read.</exception>
    public DurableEmulatorStore Open(EmulatorState seeded)
    {
        IStateDatabase? database = null;
        try
        {
            database = Scheme == "sqlite" ? new SqliteStateDatabase(Target) : new PostgresStateDatabase(Target);
            return DurableEmulatorStore.Open(database, seeded);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or InvalidDataException or IOException or UnauthorizedAccessException
            or ArgumentException or TimeoutException or System.Text.Json.JsonException or Errors.AwsException)
        {
            database?.Dispose();
            throw new StateStoreException($"cannot use the state database {this}: {e.Message}");
        }
    }

    private static string Redacted(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':', StringComparison.Ordinal)
            ? value.Replace(uri.UserInfo, uri.UserInfo[..uri.UserInfo.IndexOf(':')] + ":***", StringComparison.Ordinal)
            : value;
}
