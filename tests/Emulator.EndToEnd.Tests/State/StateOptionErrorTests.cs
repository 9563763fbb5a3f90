using System.Net;
using System.Net.Sockets;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.State;

/// <summary>
/// A <c>--state</c> the server cannot use stops it at start, with a non-zero exit code and a message on stderr that
/// names what is wrong, instead of a server that runs on memory and loses everything.
/// </summary>
public sealed class StateOptionErrorTests
{
    [Fact]
    public async Task An_unknown_scheme_exits_non_zero_naming_the_value_and_the_accepted_forms_without_the_password()
    {
        var exit = await EmulatorProcess.RunUntilExitAsync(null, "--state", "mysql://user:hunter2-secret@127.0.0.1/emulator");

        exit.ExitCode.Should().NotBe(0, "the server should refuse the value; it printed {0}", exit.Describe());
        exit.Stderr.Should().Contain("--state").And.Contain("mysql://user:").And.Contain("sqlite:PATH").And.Contain("postgres://");
        (exit.Stdout + exit.Stderr).Should().NotContain("hunter2-secret");
    }

    [Fact]
    public async Task A_sqlite_value_without_a_path_exits_non_zero_asking_for_the_path()
    {
        var exit = await EmulatorProcess.RunUntilExitAsync(null, "--state", "sqlite:");

        exit.ExitCode.Should().NotBe(0, "the server should refuse the value; it printed {0}", exit.Describe());
        exit.Stderr.Should().Contain("--state sqlite:").And.Contain("path");
    }

    [Fact]
    public async Task A_sqlite_path_in_a_directory_that_does_not_exist_exits_non_zero_naming_the_path()
    {
        using var directory = new ScratchDirectory();
        var path = Path.Combine(directory.Path, "no-such-directory", "state.db");

        var exit = await EmulatorProcess.RunUntilExitAsync(null, "--state", $"sqlite:{path}");

        exit.ExitCode.Should().NotBe(0, "the server should refuse the path; it printed {0}", exit.Describe());
        exit.Stderr.Should().Contain(path).And.Contain("unable to open");
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public async Task A_sqlite_path_naming_a_file_that_is_not_a_database_exits_non_zero_naming_the_path_and_leaves_the_file_alone()
    {
        using var directory = new ScratchDirectory();
        const string Content = "these are someone's notes, not a database\n";
        var path = directory.Write("notes.txt", string.Concat(Enumerable.Repeat(Content, 200)));

        var exit = await EmulatorProcess.RunUntilExitAsync(null, "--state", $"sqlite:{path}");

        exit.ExitCode.Should().NotBe(0, "the server should refuse the file; it printed {0}", exit.Describe());
        exit.Stderr.Should().Contain(path).And.Contain("not a database");
        (await File.ReadAllTextAsync(path)).Should().Be(string.Concat(Enumerable.Repeat(Content, 200)));
    }

    [Fact]
    public async Task An_unreachable_postgres_server_exits_non_zero_naming_host_and_port_but_not_the_password()
    {
        var port = PortWithNothingListening();

        var exit = await EmulatorProcess.RunUntilExitAsync(null, "--state", $"postgres://emulator:hunter2-secret@127.0.0.1:{port}/emulator");

        exit.ExitCode.Should().NotBe(0, "the server should not start without its database; it printed {0}", exit.Describe());
        exit.Stderr.Should().Contain("connect").And.Contain($"127.0.0.1:{port}");
        (exit.Stdout + exit.Stderr).Should().NotContain("hunter2-secret");
    }

    private static int PortWithNothingListening()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
