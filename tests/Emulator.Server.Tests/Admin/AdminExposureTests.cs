using Emulator.Server.Admin;

namespace Emulator.Server.Tests.Admin;

/// <summary>Which listen addresses make the start-up warning about an admin API without --admin-token.</summary>
public sealed class AdminExposureTests
{
    [Fact]
    public void Wildcard_and_network_addresses_are_reported_as_reachable_from_other_machines()
    {
        var exposed = AdminExposure.NonLoopback(["http://0.0.0.0:4599", "http://[::]:4599", "http://*:80", "http://+:80", "http://192.168.1.10:4599", "http://emulator:4599"]);

        exposed.Should().Equal("http://0.0.0.0:4599", "http://[::]:4599", "http://*:80", "http://+:80", "http://192.168.1.10:4599", "http://emulator:4599");
    }

    [Fact]
    public void Loopback_addresses_are_not_reported()
    {
        var exposed = AdminExposure.NonLoopback(["http://127.0.0.1:4599", "http://localhost:4599", "https://[::1]:4600", "http://unix:/tmp/emulator.sock"]);

        exposed.Should().BeEmpty();
    }
}
