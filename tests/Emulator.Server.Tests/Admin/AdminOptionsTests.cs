using Emulator.Server.Hosting;
using Microsoft.Extensions.Configuration;

namespace Emulator.Server.Tests.Admin;

/// <summary>The admin options are read at start-up; a value the guard could not use stops the start.</summary>
public sealed class AdminOptionsTests
{
    [Fact]
    public void Admin_options_are_read_from_the_command_line_names()
    {
        var options = Read(("admin-hosts", "emulator:4599, other"), ("admin-origins", "http://localhost:3000,HTTPS://UI.example"), ("admin-token", "t0ken"));

        options.AdminHosts.Select(h => (h.Host, h.Port)).Should().Equal(("emulator", 4599), ("other", (int?)null));
        options.AdminOrigins.Should().Equal("http://localhost:3000", "https://ui.example:443");
        options.AdminToken.Should().Be("t0ken");
    }

    [Theory]
    [InlineData("emulator:abc")]
    [InlineData("emulator:0")]
    [InlineData("http://emulator")]
    public void An_admin_host_that_is_not_host_or_host_port_stops_the_start(string entry)
    {
        var read = () => Read(("admin-hosts", entry));

        read.Should().Throw<ArgumentException>().WithMessage($"--admin-hosts entries are host or host:port (e.g. emulator:4599), not '{entry}'.");
    }

    [Theory]
    [InlineData("localhost:3000")]
    [InlineData("http://localhost:3000/app")]
    [InlineData("file:///tmp/page.html")]
    public void An_admin_origin_that_is_not_scheme_host_port_stops_the_start(string entry)
    {
        var read = () => Read(("admin-origins", entry));

        read.Should().Throw<ArgumentException>().WithMessage($"--admin-origins entries are origins like http://localhost:3000*not '{entry}'.");
    }

    [Fact]
    public void An_empty_admin_token_stops_the_start()
    {
        var read = () => Read(("admin-token", ""));

        read.Should().Throw<ArgumentException>().WithMessage("--admin-token must not be empty.");
    }

    private static EmulatorOptions Read(params (string Name, string Value)[] settings) =>
        EmulatorOptions.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Name, s.Value)))
            .Build());
}
