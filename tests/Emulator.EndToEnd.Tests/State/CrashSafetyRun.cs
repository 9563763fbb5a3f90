using System.Diagnostics;
using System.Text.Json;
using Emulator.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Emulator.EndToEnd.Tests.State;

/// <summary>
/// Rounds of crash_driver.py against a server on one <c>--state</c>: each round starts the server on that state,
/// verifies everything the previous round had acknowledged, lets several writers run and SIGKILLs the server at a
/// point drawn from a seeded generator (0 to 800 ms after the writers' first acknowledged write). A last start checks
/// from the listings that no round lost what an earlier one wrote. The seed is printed
/// (and <c>EMULATOR_CRASH_SEED</c> replays it); <c>EMULATOR_CRASH_ROUNDS</c> changes the number of rounds.
/// </summary>
public sealed class CrashSafetyRun(string state, string stateDescription, ITestOutputHelper output)
{
    private const int DefaultRounds = 20;

    // From the writers' first acknowledged write to the kill. Counted from there, not from their start: a freshly
    // started server answers its first writes slowly (JIT, first connections, half a second under load), then
    // acknowledges a few hundred a second; the other writers may still be in their first write.
    private const int LongestKillDelayMilliseconds = 800;

    private static readonly TimeSpan DriverTimeout = TimeSpan.FromSeconds(90);

    private static readonly string[] SessionOperations = ["AssumeRole", "GetSessionToken"];

    // What the final check finds in the listings (crash_driver.py: LISTED_WRITES and INSTANCE_WRITES).
    private static readonly string[] ListedOperations =
    [
        "CreateRole", "CreateInstanceProfile", "AddRoleToInstanceProfile", "CreateUser", "CreatePolicy", "CreatePolicyVersion",
        "RunInstances", "AssociateIamInstanceProfile", "ReplaceIamInstanceProfileAssociation",
    ];

    public async Task RunAsync()
    {
        var seed = Environment.GetEnvironmentVariable("EMULATOR_CRASH_SEED") is { Length: > 0 } fixedSeed ? int.Parse(fixedSeed) : Random.Shared.Next();
        var rounds = Environment.GetEnvironmentVariable("EMULATOR_CRASH_ROUNDS") is { Length: > 0 } fixedRounds ? int.Parse(fixedRounds) : DefaultRounds;
        var random = new Random(seed);
        var because = $"seed {seed} (set EMULATOR_CRASH_SEED={seed} to replay the kill points)";
        output.WriteLine($"{rounds} rounds on {stateDescription}, {because}");

        using var scratch = new ScratchDirectory();
        var clock = Stopwatch.StartNew();
        var everyLine = new List<string>();
        string? previousRound = null;
        var ackedWrites = 0;
        var credentials = 0;
        var listedWrites = 0;
        for (var round = 1; round <= rounds; round++)
        {
            var phase = Stopwatch.StartNew();
            using var driver = CrashDriver.Start(round.ToString(), previousRound ?? "-");
            using var server = await EmulatorProcess.StartAsync(null, "--state", state);
            var started = phase.Elapsed;
            driver.Connect(server.Url);
            await driver.WaitUntilReadyAsync(DriverTimeout);
            var ready = phase.Elapsed - started;
            await driver.WaitForFirstWriterAcknowledgementAsync(DriverTimeout);
            var delay = random.Next(0, LongestKillDelayMilliseconds + 1);
            await Task.Delay(delay);
            server.Crash();
            var lines = await driver.WaitForExitAsync(DriverTimeout);

            var verified = Verification(lines, previousRound is not null, $"{because}, round {round}", driver);
            var unexpected = lines.Where(l => l.Has("unexpected")).Select(l => l.GetRawText()).ToList();
            unexpected.Should().BeEmpty("no write may fail while the server is up; {0}, round {1}.\n{2}", because, round, server.Output);

            var acks = lines.Where(l => l.Has("ack")).ToList();
            var writes = acks.Count(a => !SessionOperations.Contains(a.Text("ack")));
            var sessions = acks.Count - writes;
            var inFlight = lines.Count(l => l.Has("attempt")) - acks.Count;
            output.WriteLine($"round {round,2}: started in {started.TotalMilliseconds:F0} ms, checked and set up in {ready.TotalMilliseconds:F0} ms, " +
                             $"killed {delay,4} ms after the first writer's acknowledgement; {writes} writes and {sessions} sessions acknowledged, " +
                             $"{inFlight} writes in flight; after the restart {Summary(verified)}");
            ackedWrites += writes;
            credentials += acks.Count(a => a.Text("ack") is "AssumeRole" or "GetSessionToken" or "CreateAccessKey");
            listedWrites += acks.Count(a => ListedOperations.Contains(a.Text("ack")));

            everyLine.AddRange(driver.Lines.Where(l => l.Contains("\"chain\"", StringComparison.Ordinal)));
            previousRound = Path.Combine(scratch.Path, $"round-{round}.jsonl");
            await File.WriteAllLinesAsync(previousRound, driver.Lines);
        }

        var allRounds = Path.Combine(scratch.Path, "all-rounds.jsonl");
        await File.WriteAllLinesAsync(allRounds, everyLine);
        var finalClock = Stopwatch.StartNew();
        using (var driver = CrashDriver.Start("final", previousRound!, allRounds))
        using (var server = await EmulatorProcess.StartAsync(null, "--state", state))
        {
            driver.Connect(server.Url);
            var lines = await driver.WaitForExitAsync(DriverTimeout);
            var lastRound = Verification(lines, expected: true, $"{because}, after the last round", driver);
            output.WriteLine($"final start: the last round {Summary(lastRound)}");
            var final = lines.Where(l => l.Has("final")).Should().ContainSingle("the driver checks every round at the end.\n{0}", driver.Describe()).Subject;
            final.Items("problems").Select(p => p.GetString()).Should().BeEmpty("no round loses what an earlier one wrote; {0}", because);
            var listed = final.GetProperty("final").GetProperty("listed_writes").GetInt32();
            var sampled = final.GetProperty("final").GetProperty("credentials").GetInt32();
            output.WriteLine($"final start: every round at once in {finalClock.Elapsed.TotalSeconds:F1} s: {listed} acknowledged creations and instance writes " +
                             $"found in the listings, {final.GetProperty("final").GetProperty("instances")} instances, a sample of {sampled} credentials verified");

            // The listings covered every acknowledged creation and instance write of every round, not a subset.
            listed.Should().Be(listedWrites, because);
            sampled.Should().BeInRange(Math.Min(credentials, 75), credentials, because);
        }

        output.WriteLine($"{rounds} rounds, {ackedWrites} acknowledged writes and {credentials} credentials checked after the restart that followed them, " +
                         $"{clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>The driver's verification line: asserts it found no problem and returns its counts.</summary>
    private static JsonElement Verification(IReadOnlyList<JsonElement> lines, bool expected, string because, CrashDriver driver)
    {
        var verification = lines.Where(l => l.Has("verified")).ToList();
        if (!expected)
        {
            verification.Should().BeEmpty("the first round has nothing to verify");
            return default;
        }

        var line = verification.Should().ContainSingle("the driver verifies before it writes; {0}.\n{1}", because, driver.Describe()).Subject;
        line.Items("problems").Select(p => p.GetString()).Should().BeEmpty("every acknowledged write survives the kill whole; {0}", because);
        return line.GetProperty("verified");
    }

    private static string Summary(JsonElement verified) =>
        verified.ValueKind == JsonValueKind.Undefined
            ? "nothing to verify yet"
            : $"verified {verified.GetProperty("acked_writes")} acknowledged writes, {verified.GetProperty("credentials")} credentials, " +
              $"{verified.GetProperty("in_flight")} writes that were in flight, {verified.GetProperty("instances")} instances";
}
