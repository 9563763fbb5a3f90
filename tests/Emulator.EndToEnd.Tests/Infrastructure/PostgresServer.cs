using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the <c>--state postgres://…</c> tests. With <c>EMULATOR_TEST_POSTGRES</c> set
/// (a connection URL of a role that may CREATE DATABASE), that server is used; otherwise a private cluster is
/// made in a temporary directory with the <c>initdb</c> and <c>pg_ctl</c> of Debian's <c>postgresql</c> package
/// (on PATH or under /usr/lib/postgresql/*/bin), started on a free loopback port with its socket in that
/// directory, and stopped and deleted on dispose. When PostgreSQL cannot be found or started the fixture fails
/// with the reason: these tests never skip. Each test asks for its own database with
/// <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed partial class PostgresServer : IAsyncLifetime, IDisposable
{
    public const string VariableName = "EMULATOR_TEST_POSTGRES";

    private const string User = "emulator";

    // The private cluster lives only as long as the test run: its password only keeps it to password logins.
    private const string Password = "emulator-test-password";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private string? directory;
    private string? dataDirectory;
    private string? runAs;
    private string binDirectory = "";
    private string psql = "psql";
    private readonly List<string> databases = [];
    private bool disposed;

    /// <summary>The administrative URL (database <c>postgres</c>) the databases are created through.</summary>
    public string AdminUrl { get; private set; } = "";

    /// <summary>Where the server came from, for test output: the variable or the private cluster's binaries and port.</summary>
    public string Description { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } url)
        {
            AdminUrl = url;
            psql = FindOnPath("psql") ?? throw new InvalidOperationException(
                $"{VariableName} is set, but psql (Debian package postgresql-client) is not on PATH to create the test databases with.");
            Description = $"{VariableName} ({Redact(url)})";
            await RunPsqlAsync("SELECT 1");
            return;
        }

        binDirectory = FindBinDirectory();
        psql = Path.Combine(binDirectory, "psql");
        // Under /tmp rather than $TMPDIR: the postgres user must reach it, and the socket path must stay under 108 bytes.
        directory = Path.Combine(Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath(), $"emulator-postgres-{Guid.NewGuid():N}"[..30]);
        Directory.CreateDirectory(directory);
        dataDirectory = Path.Combine(directory, "data");
        var passwordFile = Path.Combine(directory, "password");
        await File.WriteAllTextAsync(passwordFile, Password + "\n");

        // initdb refuses to run as root: the cluster then belongs to Debian's postgres user, which needs the directory.
        if (Environment.UserName == "root")
        {
            runAs = "postgres";
            await RunAsync("chown", ["-R", "postgres:postgres", directory]);
        }

        await RunAsync(Path.Combine(binDirectory, "initdb"),
            ["-D", dataDirectory, "-U", User, $"--pwfile={passwordFile}", "--auth-local=trust", "--auth-host=scram-sha-256",
             "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"]);

        // Another process may take the free port between the probe and the server's bind: retry on a new one.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            // fsync=off: the tests kill the emulator, never PostgreSQL, so what PostgreSQL committed stays
            // visible to the next connection whether or not it reached the disk; the crash tests run faster.
            var started = await TryRunAsync(Path.Combine(binDirectory, "pg_ctl"),
                ["-D", dataDirectory, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "30",
                 "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start"]);
            if (started.ExitCode == 0)
            {
                AdminUrl = $"postgres://{User}:{Password}@127.0.0.1:{port}/postgres";
                Description = $"a private cluster of {binDirectory} on 127.0.0.1:{port}";
                break;
            }

            var log = ReadLog();
            if (attempt < 3 && log.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            throw new InvalidOperationException(
                $"PostgreSQL did not start ({started.Command}: exit code {started.ExitCode}).\n{started.Stdout}\n{started.Stderr}\n--- server.log ---\n{log}");
        }

        await RunPsqlAsync("SELECT 1");
    }

    /// <summary>A new empty database; returns its URL in the form <c>--state</c> takes.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"emulator_{Guid.NewGuid():N}"[..24];
        await RunPsqlAsync($"CREATE DATABASE \"{name}\"");
        databases.Add(name);
        return WithDatabase(AdminUrl, name);
    }

    public async Task DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (directory is null)
        {
            // A server of EMULATOR_TEST_POSTGRES outlives the run: leave it without the test databases.
            // FORCE ends connections a killed emulator may have left behind (PostgreSQL 13 and later).
            foreach (var name in databases)
            {
                await TryRunAsync(psql, [AdminUrl, "-X", "-q", "-c", $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"], asPostgresUser: false);
            }

            return;
        }

        if (dataDirectory is not null && File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
        {
            // Immediate: the cluster is deleted next, nothing in it needs a clean shutdown.
            await TryRunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", dataDirectory, "-m", "immediate", "-w", "stop"]);
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    public void Dispose() => DisposeAsync().GetAwaiter().GetResult();

    private async Task RunPsqlAsync(string sql)
    {
        var result = await TryRunAsync(psql, [AdminUrl, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql], asPostgresUser: false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"psql could not run `{sql}` on {Redact(AdminUrl)} (exit code {result.ExitCode}).\n{result.Stdout}\n{result.Stderr}\n{ReadLog()}");
        }
    }

    private async Task RunAsync(string fileName, IReadOnlyList<string> arguments)
    {
        var result = await TryRunAsync(fileName, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{result.Command}` failed with exit code {result.ExitCode}.\n{result.Stdout}\n{result.Stderr}");
        }
    }

    private Task<CommandResult> TryRunAsync(string fileName, IReadOnlyList<string> arguments, bool asPostgresUser = true)
    {
        var (program, programArguments) = asPostgresUser && runAs is not null && fileName != "chown"
            ? ("runuser", (IReadOnlyList<string>)["-u", runAs, "--", fileName, .. arguments])
            : (fileName, arguments);
        return ProcessRunner.RunAsync(program, programArguments, environment =>
        {
            // The private cluster and the URL decide where psql connects, never a variable of the machine's.
            foreach (var name in environment.Keys.Where(n => n.StartsWith("PG", StringComparison.Ordinal)).ToList())
            {
                environment.Remove(name);
            }
        }, workingDirectory: Path.GetTempPath(), timeout: CommandTimeout);
    }

    private string ReadLog()
    {
        var log = directory is null ? null : Path.Combine(directory, "server.log");
        return log is not null && File.Exists(log) ? File.ReadAllText(log) : "(no server log)";
    }

    private static string FindBinDirectory()
    {
        var candidates = new List<string>();
        if (FindOnPath("initdb") is { } initdb)
        {
            // Debian links /usr/local/bin or similar to /usr/lib/postgresql/N/bin/initdb, where pg_ctl and psql sit too.
            candidates.Add(Path.GetDirectoryName(new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb)!);
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        return candidates.FirstOrDefault(d => new[] { "initdb", "pg_ctl", "psql" }.All(tool => File.Exists(Path.Combine(d, tool))))
            ?? throw new InvalidOperationException(
                "PostgreSQL was not found: the --state postgres tests need initdb, pg_ctl and psql on PATH or under /usr/lib/postgresql/*/bin " +
                $"(Debian: apt-get install postgresql; .ci/run installs it), or {VariableName} set to a server's URL, e.g. " +
                "postgres://user:password@127.0.0.1:5432/postgres. Looked in: " +
                (candidates.Count == 0 ? "(nothing on PATH or under /usr/lib/postgresql)" : string.Join(", ", candidates)));
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, program))
            .FirstOrDefault(File.Exists);

    /// <summary>The URL with its path (the database name) replaced, query string kept.</summary>
    private static string WithDatabase(string url, string database)
    {
        var authority = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var pathStart = url.IndexOf('/', authority);
        var queryStart = url.IndexOf('?', authority);
        var hostEnd = pathStart >= 0 ? pathStart : queryStart >= 0 ? queryStart : url.Length;
        return $"{url[..hostEnd]}/{database}{(queryStart >= 0 ? url[queryStart..] : "")}";
    }

    private static string Redact(string url) => PasswordInUrl().Replace(url, "$1***@");

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    [GeneratedRegex("^([a-z]+://[^:/@]+:)[^@]*@")]
    private static partial Regex PasswordInUrl();
}
