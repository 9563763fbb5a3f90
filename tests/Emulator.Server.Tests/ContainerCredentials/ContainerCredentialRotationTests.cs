using System.Net;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.ContainerCredentials;

/// <summary>Rotation on the emulator clock and reset; a factory of its own, since these tests move its clock.</summary>
public sealed class ContainerCredentialRotationTests : IClassFixture<ContainerCredentialRotationTests.Factory>, IAsyncLifetime
{
    private readonly Factory factory;
    private readonly ContainerCredentialsClient client;

    public ContainerCredentialRotationTests(Factory factory)
    {
        this.factory = factory;
        client = new ContainerCredentialsClient(factory);
    }

    public sealed class Factory() : EmulatorFactory(ContainerSeed.Json);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await AdminRequest.Post("/_emulator/clock", """{"reset": true}""").SendAsync(factory.CreateClient());

    [Fact]
    public async Task A_new_set_is_served_each_hour_from_registration_and_earlier_sets_stay_valid()
    {
        await client.RegisterAsync(new { token = "rotating", roleArn = ContainerSeed.RoleArn("ecs-app"), sessionName = "rotating" });
        var first = await client.FetchAsync("rotating");
        var sameHour = await client.FetchAsync("rotating");

        (await client.MoveClockAsync(3600)).Status.Should().Be(HttpStatusCode.OK);
        var nextHour = await client.FetchAsync("rotating");
        (await client.MoveClockAsync(3 * 3600)).Status.Should().Be(HttpStatusCode.OK);
        var laterStill = await client.FetchAsync("rotating");

        string Key(AdminReply reply) => reply.Json.GetProperty("AccessKeyId").GetString()!;
        DateTimeOffset Expiry(AdminReply reply) => DateTimeOffset.Parse(reply.Json.GetProperty("Expiration").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Key(sameHour).Should().Be(Key(first));
        Key(nextHour).Should().NotBe(Key(first));
        Key(laterStill).Should().NotBe(Key(nextHour));
        (Expiry(nextHour) - Expiry(first)).Should().Be(TimeSpan.FromHours(1));
        (Expiry(laterStill) - Expiry(first)).Should().Be(TimeSpan.FromHours(4));
        var fromFirstSet = await client.Signed(first).Call("GetCallerIdentity");
        fromFirstSet.Status.Should().Be(HttpStatusCode.OK, "four hours in, the first set (385 minutes) is still valid: {0}", fromFirstSet.Body);

        (await client.MoveClockAsync(3 * 3600)).Status.Should().Be(HttpStatusCode.OK);
        var expired = await client.Signed(first).Call("GetCallerIdentity");
        var current = await client.Signed(await client.FetchAsync("rotating")).Call("GetCallerIdentity");

        expired.ErrorCode.Should().Be("ExpiredToken", "seven hours in, the first set is past its 385 minutes");
        current.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reset_removes_registered_bindings_and_keeps_the_seeded_one()
    {
        await client.RegisterAsync(new { token = "before-reset", roleArn = ContainerSeed.RoleArn("ecs-app") });
        (await client.FetchAsync("before-reset")).Status.Should().Be(HttpStatusCode.OK);

        (await AdminRequest.Post("/_emulator/reset").SendAsync(factory.CreateClient())).Status.Should().Be(HttpStatusCode.OK);

        (await client.FetchAsync("before-reset")).Json.GetProperty("code").GetString().Should().Be("InvalidIdInRequest");
        (await client.FetchAsync(ContainerSeed.SeededToken)).Status.Should().Be(HttpStatusCode.OK);
    }
}
