using System.Diagnostics;
using System.Text.Json;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.State;

/// <summary>
/// The crash check against a server that keeps nothing (no <c>--state</c>): the restart loses every write, and the
/// check must say so, write by write. Without this, a check that looked at nothing would pass the durable backends.
/// </summary>
public sealed class CrashCheckControlTests
{
    [Fact]
    public async Task After_a_SIGKILL_of_a_server_without_state_the_crash_check_reports_every_acknowledged_write_missing()
    {
        using var scratch = new ScratchDirectory();
        var round = Path.Combine(scratch.Path, "round-1.jsonl");
        using (var driver = CrashDriver.Start("1", "-"))
        using (var server = await EmulatorProcess.StartAsync())
        {
            driver.Connect(server.Url);
            await driver.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

            // Killed once every kind of write has been acknowledged at least once, so each kind's loss must show.
            var deadline = Stopwatch.StartNew();
            while (!Acknowledged(driver.Lines, "CreatePolicy", "RunInstances", "AssumeRole") && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(20);
            }

            server.Crash();
            await driver.WaitForExitAsync(TimeSpan.FromSeconds(60));
            await File.WriteAllLinesAsync(round, driver.Lines);
        }

        var lines = (await File.ReadAllLinesAsync(round)).Select(Parse).ToList();
        var acks = lines.Where(l => l.Has("ack")).ToList();
        var roles = acks.Where(a => a.Text("ack") == "CreateRole").Select(a => a.Text("role")).ToList();
        var policies = acks.Where(a => a.Text("ack") == "CreatePolicy").Select(a => a.Text("policy")).ToList();
        var instances = acks.Where(a => a.Text("ack") == "RunInstances").Select(a => a.Text("instance")).ToList();
        var sessions = acks.Where(a => a.Text("ack") == "AssumeRole").Select(a => a.Text("key")).ToList();
        policies.Should().NotBeEmpty("the kill waited for an acknowledged CreatePolicy");
        instances.Should().NotBeEmpty("the kill waited for an acknowledged RunInstances");
        sessions.Should().NotBeEmpty("the kill waited for an acknowledged AssumeRole");

        using var restarted = await EmulatorProcess.StartAsync();
        using var check = CrashDriver.Start("verify", round);
        check.Connect(restarted.Url);
        var verification = (await check.WaitForExitAsync(TimeSpan.FromSeconds(60))).Should().ContainSingle().Subject;

        var problems = verification.Items("problems").Select(p => p.GetString()!).ToList();
        problems.Should().Contain(roles.Select(r => $"acked CreateRole {r} is missing"));
        problems.Should().Contain(policies.Select(p => $"acked CreatePolicy {p} is missing"));
        problems.Should().Contain(instances.Select(i => $"acked RunInstances {i} is missing"));
        problems.Should().Contain(p => p.StartsWith($"AssumeRole credentials {sessions[0]} acked before the kill: GetCallerIdentity is error InvalidClientTokenId"));
    }

    private static JsonElement Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    private static bool Acknowledged(IReadOnlyList<string> lines, params string[] operations) =>
        operations.All(operation => lines.Any(line => line.Contains($"\"ack\": \"{operation}\"", StringComparison.Ordinal)));
}
