using Emulator.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Emulator.EndToEnd.Tests.State;

/// <summary><c>--state postgres://…</c> under SIGKILL of the emulator: what was acknowledged is there after the restart, whole.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCrashSafetyTests(PostgresServer postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task Writes_acknowledged_before_a_SIGKILL_are_all_there_whole_after_the_restart_and_issued_credentials_still_verify()
    {
        var database = await postgres.CreateDatabaseAsync();

        await new CrashSafetyRun(database, $"a new database of {postgres.Description}", output).RunAsync();
    }
}
