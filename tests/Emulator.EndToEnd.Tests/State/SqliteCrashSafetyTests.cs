using Emulator.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Emulator.EndToEnd.Tests.State;

/// <summary><c>--state sqlite:…</c> under SIGKILL: what was acknowledged is there after the restart, whole.</summary>
public sealed class SqliteCrashSafetyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Writes_acknowledged_before_a_SIGKILL_are_all_there_whole_after_the_restart_and_issued_credentials_still_verify()
    {
        using var directory = new ScratchDirectory();
        var file = Path.Combine(directory.Path, "state.db");

        await new CrashSafetyRun($"sqlite:{file}", $"sqlite:{file}", output).RunAsync();
    }
}
