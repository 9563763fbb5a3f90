using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.ContainerCredentials;

/// <summary>
/// botocore's own refresh logic across hours: one boto3 process under libfaketime follows the emulator clock
/// as the script moves both, keeps its cached set while more than 15 minutes remain, and fetches the
/// current hourly set when fewer do; every call succeeds.
/// </summary>
[Collection(ContainerEmulatorCollection.Name)]
public sealed class ContainerCredentialRotationTests(ContainerEmulator emulator) : IAsyncLifetime
{
    // Offsets from registration: 2 h and 4 h (the first set, 385 minutes long, has hours left), 6 h 15 min
    // (10 minutes left: mandatory refresh, to the set issued at 6 h), 8 h, and 12 h 20 min (5 minutes left of
    // the second set: refresh again, to the set issued at 12 h).
    private static readonly int[] Steps = [0, 7200, 14400, 22500, 28800, 44400];

    public async Task InitializeAsync() => await emulator.MoveClockAsync("""{"reset": true}""");

    public async Task DisposeAsync() => await emulator.MoveClockAsync("""{"reset": true}""");

    [Fact]
    public async Task Boto3_under_a_moved_clock_keeps_its_set_until_the_refresh_window_then_gets_the_current_one()
    {
        await emulator.RegisterAsync("faketime-token", "task-role", "faketime-task");
        using var clock = new FakeClock();

        var result = await new Boto3(emulator.Url, null).RunAsync(ClockSteps.Boto3Script,
            new Dictionary<string, string> { ["STEPS"] = System.Text.Json.JsonSerializer.Serialize(Steps), ["CLOCK_FILE"] = clock.OffsetFile },
            emulator.WithToken("faketime-token"), clock);

        var calls = result.ShouldSucceed().Json.EnumerateArray().ToList();
        calls.Select(c => c.GetProperty("arn").GetString()).Should().AllBe("arn:aws:sts::123456789012:assumed-role/task-role/faketime-task");
        var keys = calls.Select(c => c.GetProperty("key").GetString()).ToList();
        keys[1].Should().Be(keys[0], "two hours in, the first set has more than four hours left");
        keys[2].Should().Be(keys[0]);
        keys[3].Should().NotBe(keys[0], "ten minutes before the first set expires botocore must refresh");
        keys[4].Should().Be(keys[3]);
        keys[5].Should().NotBe(keys[3], "five minutes before the second set expires botocore refreshes again");
        keys.Distinct().Should().HaveCount(3);
    }
}
