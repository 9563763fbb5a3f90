using System.Net;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Admin;

/// <summary>Hostile and out-of-range admin input is a 400 with a reason, never a 500, and changes nothing.</summary>
public sealed class AdminInputTests
{
    [Theory]
    [InlineData("1999-12-31T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("9999-12-01T00:00:01Z")]
    public async Task Clock_time_outside_2000_to_9999_is_400_and_the_clock_stays(string time)
    {
        using var factory = new EmulatorFactory();
        var http = factory.CreateClient();

        var reply = await AdminRequest.Post("/_emulator/clock", $$"""{"time": "{{time}}"}""").SendAsync(http);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Error.Should().Be($"time must be between 2000-01-01T00:00:00Z and 9999-12-01T00:00:00Z, not {DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture):O}.");
        reply.RequestId.Should().NotBeNullOrEmpty();
        (await ClockOffset(http)).Should().Be(0);
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("-1e300")]
    [InlineData("3155760001")]
    [InlineData("-3155760001")]
    public async Task Clock_offset_beyond_100_years_is_400_and_the_clock_stays(string seconds)
    {
        using var factory = new EmulatorFactory();
        var http = factory.CreateClient();

        var reply = await AdminRequest.Post("/_emulator/clock", $$"""{"offsetSeconds": {{seconds}}}""").SendAsync(http);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Error.Should().StartWith("offsetSeconds must be a finite number of seconds of at most 100 years (3155760000) either way");
        (await ClockOffset(http)).Should().Be(0);
    }

    [Fact]
    public async Task Clock_offset_that_takes_the_time_before_2000_is_400()
    {
        using var factory = new EmulatorFactory();
        var http = factory.CreateClient();

        var reply = await AdminRequest.Post("/_emulator/clock", """{"time": "2000-01-02T00:00:00Z", "offsetSeconds": -172800}""").SendAsync(http);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Error.Should().Be("Moving the clock by -172800 seconds would take it outside the range it must stay in, between 2000-01-01T00:00:00Z and 9999-12-01T00:00:00Z.");
        (await ClockOffset(http)).Should().Be(0);
    }

    [Fact]
    public async Task Advancing_a_clock_near_9999_past_the_limit_is_400_and_the_emulator_keeps_working()
    {
        using var factory = new EmulatorFactory();
        var http = factory.CreateClient();
        (await AdminRequest.Post("/_emulator/clock", """{"time": "9999-11-01T00:00:00Z"}""").SendAsync(http)).Status.Should().Be(HttpStatusCode.OK);

        var reply = await AdminRequest.Post("/_emulator/clock", """{"offsetSeconds": 5184000}""").SendAsync(http);
        var clock = await AdminRequest.Get("/_emulator/clock").SendAsync(http);
        var role = await factory.Iam().Call("CreateRole", ("RoleName", "late"), ("AssumeRolePolicyDocument", Documents.Ec2Trust));
        var session = await factory.Iam().For("sts").Call("GetSessionToken", ("DurationSeconds", "129600"));

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Error.Should().StartWith("Moving the clock by 5184000 seconds would take it outside the range");
        clock.Json.GetProperty("now").GetDateTimeOffset().Should().BeCloseTo(new DateTimeOffset(9999, 11, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1));
        role.Value("CreateDate").Should().StartWith("9999-11-01T");
        session.Value("Expiration").Should().StartWith("9999-11-01T01:", "the root's session tokens last at most an hour");
    }

    [Theory]
    [InlineData("""{"offsetSeconds": "x"}""")]
    [InlineData("""{"offsetSeconds": "NaN"}""")]
    [InlineData("""{"time": 12}""")]
    [InlineData("""{"time": "yesterday"}""")]
    [InlineData("""{"reset": "yes"}""")]
    [InlineData("[1,2]")]
    [InlineData("{")]
    [InlineData("")]
    public async Task Malformed_clock_body_is_400_and_the_clock_stays(string body)
    {
        using var factory = new EmulatorFactory();
        var http = factory.CreateClient();

        var reply = await AdminRequest.Post("/_emulator/clock", body).SendAsync(http);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Error.Should().StartWith("Body must be JSON like {\"offsetSeconds\": 3600}");
        (await ClockOffset(http)).Should().Be(0);
    }

    [Fact]
    public async Task Deeply_nested_clock_body_is_400()
    {
        using var factory = new EmulatorFactory();
        var nested = "{\"offsetSeconds\": 1, \"x\": " + new string('[', 10_000) + new string(']', 10_000) + "}";

        var reply = await AdminRequest.Post("/_emulator/clock", nested).SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Error.Should().Contain("maximum configured depth");
    }

    [Theory]
    [InlineData("""{"subject":"ci","audience":[1,2]}""")]
    [InlineData("""{"subject":"ci","audience":5}""")]
    [InlineData("""{"subject":"ci","audience":[]}""")]
    [InlineData("""{"subject":"ci","audience":""}""")]
    [InlineData("""{"subject":"ci","audience":{"a":"b"}}""")]
    public async Task Minting_with_an_audience_other_than_strings_is_400(string body)
    {
        using var factory = new EmulatorFactory();

        var reply = await AdminRequest.Post("/_emulator/oidc/token", body).SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Error.Should().Be("audience must be a non-empty string or a non-empty array of non-empty strings.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(43201)]
    [InlineData(int.MaxValue)]
    public async Task Minting_with_a_lifetime_outside_1_to_43200_seconds_is_400(int seconds)
    {
        using var factory = new EmulatorFactory();

        var reply = await AdminRequest.Post("/_emulator/oidc/token", $$"""{"subject":"ci","lifetimeSeconds":{{seconds}}}""").SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Error.Should().Be($"lifetimeSeconds must be from 1 to 43200, not {seconds}.");
    }

    [Fact]
    public async Task Minting_with_the_longest_lifetime_expires_12_hours_later()
    {
        using var factory = new EmulatorFactory();

        var reply = await AdminRequest.Post("/_emulator/oidc/token", """{"subject":"ci","audience":["a","b"],"lifetimeSeconds":43200}""").SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.OK);
        reply.Json.GetProperty("expiration").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow.AddHours(12), TimeSpan.FromMinutes(1));
    }

    [Theory]
    [InlineData("""{"subject":"ci","lifetimeSeconds":1e300}""")]
    [InlineData("""{"subject":"ci","lifetimeSeconds":"60"}""")]
    [InlineData("""{"subject":5}""")]
    [InlineData("""{"subject":"ci","claims":[1]}""")]
    [InlineData("""{"subject":"ci","claims":"x"}""")]
    [InlineData("[1,2]")]
    [InlineData("{")]
    public async Task Minting_with_malformed_JSON_is_400_with_the_reason(string body)
    {
        using var factory = new EmulatorFactory();

        var reply = await AdminRequest.Post("/_emulator/oidc/token", body).SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Error.Should().Contain("The body could not be read:");
    }

    [Theory]
    [InlineData("http://issuer.example")]
    [InlineData("issuer.example")]
    [InlineData("ftp://issuer.example")]
    public async Task Registering_a_JWKS_for_an_issuer_that_is_not_an_https_URL_is_400(string issuer)
    {
        using var factory = new EmulatorFactory();

        var reply = await AdminRequest.Post("/_emulator/oidc/jwks", $$"""{"issuer":"{{issuer}}","jwks":{"keys":[]} }""").SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Error.Should().Be($"issuer must be an https URL, like https://token.actions.githubusercontent.com, not '{issuer}'.");
    }

    [Fact]
    public async Task Registering_a_JWKS_for_an_https_issuer_is_204()
    {
        using var factory = new EmulatorFactory();
        var http = factory.CreateClient();
        var keys = await AdminRequest.Get("/.well-known/jwks.json").SendAsync(http);

        var reply = await AdminRequest.Post("/_emulator/oidc/jwks", """{"issuer":"https://issuer.example","jwks":""" + keys.Body + "}").SendAsync(http);

        reply.Status.Should().Be(HttpStatusCode.NoContent);
    }

    [Theory]
    [InlineData("""{"issuer":"https://issuer.example","jwks":{"keys":"x"}}""")]
    [InlineData("""{"issuer":"https://issuer.example","jwks":{"keys":[{"kty":5}]}}""")]
    public async Task Registering_an_unreadable_JWKS_is_400(string body)
    {
        using var factory = new EmulatorFactory();

        var reply = await AdminRequest.Post("/_emulator/oidc/jwks", body).SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Error.Should().StartWith("The JWKS could not be read:");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("10001")]
    [InlineData("1e3")]
    [InlineData("99999999999999999999")]
    public async Task Decisions_with_a_limit_that_is_not_1_to_10000_is_a_JSON_400(string limit)
    {
        using var factory = new EmulatorFactory();

        var reply = await AdminRequest.Get($"/_emulator/decisions?limit={limit}").SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.ContentType.Should().Be("application/json");
        reply.Error.Should().Be($"limit must be a whole number from 1 to 10000, not '{limit}'.");
        reply.RequestId.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Decisions_with_a_limit_returns_at_most_that_many()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        for (var i = 0; i < 3; i++)
        {
            await iam.Call("ListRoles");
        }

        var reply = await AdminRequest.Get("/_emulator/decisions?limit=2").SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.OK);
        reply.Json.GetArrayLength().Should().Be(2);
    }

    private static async Task<double> ClockOffset(HttpClient http) =>
        (await AdminRequest.Get("/_emulator/clock").SendAsync(http)).Json.GetProperty("offsetSeconds").GetDouble();
}
