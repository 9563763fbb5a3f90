using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Admin;

/// <summary>The admin clock moves the emulator's time (dates it writes) but not signature freshness, which follows the real clock.</summary>
[Collection(CliWorkflowCollection.Name)]
public sealed class ClockTests(DefaultEmulator emulator) : IDisposable
{
    private readonly ScratchDirectory files = new();

    [Fact]
    public async Task Moving_the_clock_an_hour_ahead_dates_new_roles_an_hour_ahead_while_the_CLI_still_signs()
    {
        files.Write("ec2-role-trust-policy.json", PolicyDocuments.Ec2TrustPolicy);
        var before = await emulator.ClockAsync();
        DateTimeOffset.Parse(before.Text("now")).Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));

        try
        {
            var moved = await emulator.MoveClockAsync("""{"offsetSeconds": 3600}""");
            moved.At("offsetSeconds").GetDouble().Should().Be(3600);
            var now = await emulator.ClockAsync();
            DateTimeOffset.Parse(now.Text("now")).Should().BeCloseTo(DateTimeOffset.UtcNow.AddHours(1), TimeSpan.FromMinutes(1));

            var role = UniqueName.For("future");
            var created = (await emulator.Cli(workingDirectory: files.Path).RunAsync("iam", "create-role", "--role-name", role,
                "--assume-role-policy-document", "file://ec2-role-trust-policy.json")).ShouldSucceed().Json;

            DateTimeOffset.Parse(created.Text("Role", "CreateDate")).Should().BeCloseTo(DateTimeOffset.UtcNow.AddHours(1), TimeSpan.FromMinutes(2));
        }
        finally
        {
            var reset = await emulator.MoveClockAsync("""{"reset": true}""");
            reset.At("offsetSeconds").GetDouble().Should().Be(0);
        }
    }

    public void Dispose() => files.Dispose();
}
