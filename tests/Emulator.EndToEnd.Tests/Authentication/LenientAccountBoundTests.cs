using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Authentication;

/// <summary>A stream of random 12-digit keys cannot grow a lenient server's state without bound.</summary>
public sealed class LenientAccountBoundTests
{
    [Fact]
    public async Task Lenient_mode_creates_100_accounts_for_unknown_keys_then_refuses_the_next_saying_why()
    {
        using var emulator = await EmulatorProcess.StartAsync(null, "--auth", "lenient");

        var result = (await emulator.Boto3().RunAsync("""
            accepted = 0
            for i in range(100):
                if error_of(client("sts", str(500000000000 + i), "x").get_caller_identity) is None:
                    accepted += 1
            emit({"accepted": accepted, "beyond": error_of(client("sts", "599999999999", "x").get_caller_identity),
                  "again": client("sts", "500000000000", "x").get_caller_identity()["Account"]})
            """)).ShouldSucceed().Json;
        var health = await emulator.HealthAsync();

        result.GetProperty("accepted").GetInt32().Should().Be(100);
        result.GetProperty("beyond").GetProperty("Code").GetString().Should().Be("InvalidClientTokenId");
        result.GetProperty("beyond").GetProperty("Message").GetString().Should().Contain("--auth lenient creates at most 100 accounts");
        result.GetProperty("again").GetString().Should().Be("500000000000");
        health.GetProperty("accounts").GetArrayLength().Should().Be(101, "the default account and the 100 lenient ones");
    }
}
