using System.Net;
using Emulator.Server.Authentication;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Authentication;

/// <summary>Lenient mode creates accounts for unknown 12-digit keys, but only up to a bound.</summary>
public sealed class LenientBoundsTests
{
    [Fact]
    public async Task Lenient_mode_creates_at_most_the_bounded_number_of_accounts_then_says_why_it_refuses()
    {
        using var factory = new EmulatorFactory(auth: "lenient");
        var accepted = 0;
        for (var i = 0; i < RequestAuthenticator.MaxLenientAccounts; i++)
        {
            var response = await factory.Iam($"{300000000000 + i}", "any").Call("GetUser");
            accepted += response.Status == HttpStatusCode.OK ? 1 : 0;
        }

        var beyond = await factory.Iam("399999999999", "any").Call("GetUser");
        var again = await factory.Iam("300000000000", "any").Call("GetUser");

        accepted.Should().Be(RequestAuthenticator.MaxLenientAccounts);
        beyond.Status.Should().Be(HttpStatusCode.Forbidden);
        beyond.ErrorCode.Should().Be("InvalidClientTokenId");
        beyond.ErrorMessage.Should().Contain("--auth lenient creates at most 100 accounts");
        again.Status.Should().Be(HttpStatusCode.OK, "an account lenient mode already made stays usable");
    }
}
