using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Authorization;

public sealed class SoftEnforcementTests
{
    private sealed class SoftFactory() : EmulatorFactory(EnforcementTests.Seed)
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("enforce", "soft");
        }
    }

    [Fact]
    public async Task Soft_enforcement_lets_a_denied_call_through_and_logs_the_denial()
    {
        using var factory = new SoftFactory();

        var response = await factory.Iam("AKIANOBODY0000000001", "nobody-secret").Call("ListRoles");
        var log = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/_emulator/decisions?principal=user/nobody");

        response.Status.Should().Be(HttpStatusCode.OK);
        var entry = log.EnumerateArray().Single();
        entry.GetProperty("decision").GetString().Should().Be("ImplicitDeny");
        entry.GetProperty("enforced").GetBoolean().Should().BeFalse();
    }
}
