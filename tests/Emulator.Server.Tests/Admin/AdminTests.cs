using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Admin;

public sealed class AdminTests
{
    [Fact]
    public async Task Health_lists_the_default_account_when_started_without_a_seed()
    {
        using var factory = new EmulatorFactory();

        var health = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/_emulator/health");

        health.GetProperty("status").GetString().Should().Be("ok");
        health.GetProperty("accounts").EnumerateArray().Select(a => a.GetString()).Should().Equal("123456789012");
        health.GetProperty("authentication").GetString().Should().Be("strict");
    }

    [Fact]
    public async Task Reset_returns_to_the_seeded_state()
    {
        using var factory = new EmulatorFactory("""{"accounts":[{"id":"111111111111","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAA1","rootSecretAccessKey":"s","roles":[{"RoleName":"seeded","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}}]}]}""");
        var iam = factory.Iam("AKIAAAAAAAAAAAAAAAA1", "s");
        await iam.Call("CreateRole", ("RoleName", "temporary"), ("AssumeRolePolicyDocument", Documents.Ec2Trust));
        await iam.Call("DeleteRole", ("RoleName", "seeded"));

        var reset = await factory.CreateClient().PostAsync("/_emulator/reset", new StringContent("", System.Text.Encoding.UTF8, "application/json"));
        var roles = await iam.Call("ListRoles");

        reset.StatusCode.Should().Be(HttpStatusCode.OK);
        roles.All("RoleName").Select(e => e.Value).Should().Equal("seeded");
    }

    [Fact]
    public async Task The_clock_moves_by_an_offset_or_to_a_time_and_entities_get_that_time()
    {
        using var factory = new EmulatorFactory();
        var http = factory.CreateClient();

        var moved = await (await http.PostAsJsonAsync("/_emulator/clock", new { time = "2031-01-02T03:04:05Z" })).Content.ReadFromJsonAsync<JsonElement>();
        var created = await factory.Iam().Call("CreateRole", ("RoleName", "timed"), ("AssumeRolePolicyDocument", Documents.Ec2Trust));
        var advanced = await (await http.PostAsJsonAsync("/_emulator/clock", new { offsetSeconds = 3600 })).Content.ReadFromJsonAsync<JsonElement>();

        moved.GetProperty("now").GetDateTimeOffset().Should().BeCloseTo(new DateTimeOffset(2031, 1, 2, 3, 4, 5, TimeSpan.Zero), TimeSpan.FromSeconds(5));
        created.Value("CreateDate").Should().StartWith("2031-01-02T03:0");
        advanced.GetProperty("now").GetDateTimeOffset().Should().BeCloseTo(new DateTimeOffset(2031, 1, 2, 4, 4, 5, TimeSpan.Zero), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_clock_request_without_a_change_is_400()
    {
        using var factory = new EmulatorFactory();

        var response = await factory.CreateClient().PostAsync("/_emulator/clock", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Lenient_mode_lets_an_unknown_key_act_as_the_root_of_the_default_account()
    {
        using var factory = new EmulatorFactory(auth: "lenient");

        var response = await factory.Iam("test", "test").Call("CreateRole", ("RoleName", "lenient"), ("AssumeRolePolicyDocument", Documents.Ec2Trust));
        var known = await factory.Iam(EmulatorFactory.DefaultKeyId, "wrong-secret").Call("ListRoles");

        response.Value("Arn").Should().Be("arn:aws:iam::123456789012:role/lenient");
        known.ErrorCode.Should().Be("SignatureDoesNotMatch", "known keys are still fully verified");
    }

    [Fact]
    public async Task GetUser_as_the_root_describes_the_account_with_its_creation_date()
    {
        using var factory = new EmulatorFactory();

        var response = await factory.Iam().Call("GetUser");

        response.Value("Arn").Should().Be("arn:aws:iam::123456789012:root");
        response.Value("UserId").Should().Be("123456789012");
        response.Element("UserName").Should().BeNull();
        DateTimeOffset.Parse(response.Value("CreateDate")!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
    }
}
