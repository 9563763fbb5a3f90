using System.Net;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Admin;

/// <summary>
/// The guard in front of /_emulator: a web page the user opens (cross-site request or DNS rebinding)
/// must not reset state or move the clock, while scripts on the machine and the AWS API keep working.
/// </summary>
public sealed class AdminAccessTests
{
    [Theory]
    [InlineData("localhost")]
    [InlineData("localhost:4599")]
    [InlineData("127.0.0.1:4599")]
    [InlineData("127.0.0.2")]
    [InlineData("[::1]:4599")]
    [InlineData("app.localhost:8080")]
    public async Task Admin_get_with_a_loopback_Host_is_200(string host)
    {
        using var factory = new EmulatorFactory();

        var reply = await (AdminRequest.Get("/_emulator/health") with { Host = host }).SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.OK);
        reply.Json.GetProperty("status").GetString().Should().Be("ok");
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("attacker.example:4599")]
    [InlineData("localhost.attacker.example")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("10.0.0.5:4599")]
    public async Task Admin_get_with_a_foreign_Host_is_403_naming_admin_hosts(string host)
    {
        using var factory = new EmulatorFactory();

        var reply = await (AdminRequest.Get("/_emulator/decisions") with { Host = host }).SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.Forbidden);
        reply.ContentType.Should().Be("application/json");
        reply.Error.Should().Contain($"not '{host}'").And.Contain("--admin-hosts emulator:4599");
        reply.RequestId.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Admin_path_in_other_letter_case_is_still_guarded()
    {
        using var factory = new EmulatorFactory();

        var reply = await (AdminRequest.Get("/_EMULATOR/health") with { Host = "attacker.example" }).SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.Forbidden);
        reply.Error.Should().Contain("loopback Host");
    }

    [Fact]
    public async Task Reset_from_a_rebinding_page_is_403_and_the_state_survives()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        (await iam.Call("CreateRole", ("RoleName", "survivor"), ("AssumeRolePolicyDocument", Documents.Ec2Trust))).Status.Should().Be(HttpStatusCode.OK);

        var reply = await (AdminRequest.Post("/_emulator/reset") with { Host = "attacker.example:4599" }).SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.Forbidden);
        reply.Error.Should().Contain("--admin-hosts");
        (await iam.Call("GetRole", ("RoleName", "survivor"))).Value("RoleName").Should().Be("survivor");
    }

    [Fact]
    public async Task A_host_listed_with_its_port_in_admin_hosts_is_admitted_on_that_port()
    {
        using var factory = new EmulatorFactory(settings: new Dictionary<string, string> { ["admin-hosts"] = "emulator:4599,other" });

        var reply = await (AdminRequest.Get("/_emulator/health") with { Host = "Emulator:4599" }).SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_host_listed_with_a_port_in_admin_hosts_is_refused_on_another_port()
    {
        using var factory = new EmulatorFactory(settings: new Dictionary<string, string> { ["admin-hosts"] = "emulator:4599,other" });

        var reply = await (AdminRequest.Get("/_emulator/health") with { Host = "emulator:8080" }).SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.Forbidden);
        reply.Error.Should().Contain("not 'emulator:8080'");
    }

    [Fact]
    public async Task A_host_listed_without_a_port_in_admin_hosts_is_admitted_on_any_port()
    {
        using var factory = new EmulatorFactory(settings: new Dictionary<string, string> { ["admin-hosts"] = "emulator:4599, other" });

        var reply = await (AdminRequest.Get("/_emulator/health") with { Host = "other:1234" }).SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_AWS_API_accepts_any_Host()
    {
        using var factory = new EmulatorFactory();
        var iam = new IamTestClient(factory.CreateClient(), EmulatorFactory.DefaultKeyId, EmulatorFactory.DefaultSecret) { Host = "attacker.example:4599" };

        var roles = await iam.Call("ListRoles");

        roles.Status.Should().Be(HttpStatusCode.OK);
        roles.Element("ListRolesResult").Should().NotBeNull();
    }

    [Fact]
    public async Task The_public_OIDC_discovery_and_keys_answer_any_Host()
    {
        using var factory = new EmulatorFactory();
        var http = factory.CreateClient();

        var discovery = await (AdminRequest.Get("/.well-known/openid-configuration") with { Host = "attacker.example", Origin = "http://evil.example" }).SendAsync(http);
        var keys = await (AdminRequest.Get("/.well-known/jwks.json") with { Host = "attacker.example", Origin = "http://evil.example" }).SendAsync(http);

        discovery.Status.Should().Be(HttpStatusCode.OK);
        discovery.Json.GetProperty("issuer").GetString().Should().Be("https://oidc.emulator.test");
        keys.Status.Should().Be(HttpStatusCode.OK);
        keys.Json.GetProperty("keys").GetArrayLength().Should().Be(1);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("null")]
    [InlineData("http://localhost:3000")]
    [InlineData("https://localhost")]
    public async Task Admin_request_from_a_foreign_Origin_is_403_naming_admin_origins(string origin)
    {
        using var factory = new EmulatorFactory();

        var reply = await (AdminRequest.Get("/_emulator/health") with { Origin = origin }).SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.Forbidden);
        reply.Error.Should().Contain($"'{origin}'").And.Contain("--admin-origins");
        reply.RequestId.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Clock_move_from_a_foreign_Origin_is_403_and_the_clock_stays()
    {
        using var factory = new EmulatorFactory();
        var http = factory.CreateClient();

        var reply = await (AdminRequest.Post("/_emulator/clock", """{"offsetSeconds": 86400}""") with { Origin = "http://evil.example" }).SendAsync(http);
        var clock = await AdminRequest.Get("/_emulator/clock").SendAsync(http);

        reply.Status.Should().Be(HttpStatusCode.Forbidden);
        clock.Json.GetProperty("offsetSeconds").GetDouble().Should().Be(0);
    }

    [Theory]
    [InlineData("http://localhost")]
    [InlineData("http://LOCALHOST:80")]
    public async Task Admin_request_from_the_emulators_own_Origin_is_200(string origin)
    {
        using var factory = new EmulatorFactory();

        var reply = await (AdminRequest.Get("/_emulator/health") with { Origin = origin }).SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Admin_request_from_an_Origin_listed_in_admin_origins_is_200()
    {
        using var factory = new EmulatorFactory(settings: new Dictionary<string, string> { ["admin-origins"] = "http://localhost:3000,https://ui.example" });

        var reply = await (AdminRequest.Post("/_emulator/clock", """{"offsetSeconds": 60}""") with { Origin = "http://localhost:3000" }).SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.OK);
        reply.Json.GetProperty("offsetSeconds").GetDouble().Should().Be(60);
    }

    [Fact]
    public async Task A_preflight_from_an_Origin_listed_in_admin_origins_is_approved_without_the_token()
    {
        using var factory = new EmulatorFactory(settings: new Dictionary<string, string> { ["admin-origins"] = "http://localhost:3000", ["admin-token"] = "t" });
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/_emulator/clock");
        preflight.Headers.Add("Origin", "http://localhost:3000");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type, authorization");

        using var response = await factory.CreateClient().SendAsync(preflight);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").Single().Should().Be("http://localhost:3000");
        response.Headers.GetValues("Access-Control-Allow-Headers").Single().Should().Be("Content-Type, Authorization");
    }

    [Fact]
    public async Task A_preflight_from_a_foreign_Origin_is_403_without_CORS_headers()
    {
        using var factory = new EmulatorFactory(settings: new Dictionary<string, string> { ["admin-origins"] = "http://localhost:3000" });
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/_emulator/clock");
        preflight.Headers.Add("Origin", "http://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await factory.CreateClient().SendAsync(preflight);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    [Fact]
    public async Task An_answer_to_an_Origin_listed_in_admin_origins_lets_that_page_read_it()
    {
        using var factory = new EmulatorFactory(settings: new Dictionary<string, string> { ["admin-origins"] = "http://localhost:3000" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_emulator/health");
        request.Headers.Add("Origin", "http://localhost:3000");

        using var response = await factory.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").Single().Should().Be("http://localhost:3000");
    }

    [Fact]
    public async Task Admin_post_with_text_plain_is_415_and_the_state_survives()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        await iam.Call("CreateRole", ("RoleName", "survivor"), ("AssumeRolePolicyDocument", Documents.Ec2Trust));

        var reply = await (AdminRequest.Post("/_emulator/reset", "") with { ContentType = "text/plain" }).SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.UnsupportedMediaType);
        reply.Error.Should().Contain("Content-Type: application/json").And.Contain("not 'text/plain'");
        reply.RequestId.Should().NotBeNullOrEmpty();
        (await iam.Call("GetRole", ("RoleName", "survivor"))).Value("RoleName").Should().Be("survivor");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/jsonp")]
    [InlineData("not a media type")]
    public async Task Admin_post_without_a_JSON_content_type_is_415_and_the_clock_stays(string? contentType)
    {
        using var factory = new EmulatorFactory();
        var http = factory.CreateClient();

        var reply = await (AdminRequest.Post("/_emulator/clock", """{"offsetSeconds": 60}""") with { ContentType = contentType }).SendAsync(http);
        var clock = await AdminRequest.Get("/_emulator/clock").SendAsync(http);

        reply.Status.Should().Be(HttpStatusCode.UnsupportedMediaType);
        reply.Error.Should().StartWith("Admin POST requests must have 'Content-Type: application/json' (")
            .And.Contain(contentType is null ? "(none was sent)" : $"(not '{contentType}')");
        clock.Json.GetProperty("offsetSeconds").GetDouble().Should().Be(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    public async Task Reset_with_a_JSON_content_type_and_an_empty_or_empty_object_body_resets(string body)
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        await iam.Call("CreateRole", ("RoleName", "temporary"), ("AssumeRolePolicyDocument", Documents.Ec2Trust));

        var reply = await (AdminRequest.Post("/_emulator/reset", body) with { ContentType = "application/json; charset=utf-8" }).SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.OK);
        reply.Json.GetProperty("status").GetString().Should().Be("reset");
        (await iam.Call("GetRole", ("RoleName", "temporary"))).ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task With_admin_token_a_request_without_it_is_401_with_a_Bearer_challenge()
    {
        using var factory = new EmulatorFactory(settings: new Dictionary<string, string> { ["admin-token"] = "s3cret-token" });

        var reply = await AdminRequest.Get("/_emulator/health").SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.Unauthorized);
        reply.WwwAuthenticate.Should().Be("Bearer");
        reply.Error.Should().Contain("--admin-token").And.Contain("Authorization: Bearer");
        reply.RequestId.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task With_admin_token_a_wrong_token_is_401_and_the_clock_stays()
    {
        using var factory = new EmulatorFactory(settings: new Dictionary<string, string> { ["admin-token"] = "s3cret-token" });
        var http = factory.CreateClient();

        var reply = await (AdminRequest.Post("/_emulator/clock", """{"offsetSeconds": 60}""") with { BearerToken = "s3cret-tokeN" }).SendAsync(http);
        var clock = await (AdminRequest.Get("/_emulator/clock") with { BearerToken = "s3cret-token" }).SendAsync(http);

        reply.Status.Should().Be(HttpStatusCode.Unauthorized);
        clock.Json.GetProperty("offsetSeconds").GetDouble().Should().Be(0);
    }

    [Fact]
    public async Task With_admin_token_the_right_token_is_200()
    {
        using var factory = new EmulatorFactory(settings: new Dictionary<string, string> { ["admin-token"] = "s3cret-token" });

        var reply = await (AdminRequest.Post("/_emulator/clock", """{"offsetSeconds": 60}""") with { BearerToken = "s3cret-token" }).SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.OK);
        reply.Json.GetProperty("offsetSeconds").GetDouble().Should().Be(60);
    }

    [Fact]
    public async Task With_admin_token_minting_an_OIDC_token_needs_it_but_the_public_keys_do_not()
    {
        using var factory = new EmulatorFactory(settings: new Dictionary<string, string> { ["admin-token"] = "s3cret-token" });
        var http = factory.CreateClient();

        var mint = await AdminRequest.Post("/_emulator/oidc/token", """{"subject":"ci"}""").SendAsync(http);
        var keys = await AdminRequest.Get("/.well-known/jwks.json").SendAsync(http);

        mint.Status.Should().Be(HttpStatusCode.Unauthorized);
        keys.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admin_body_over_1_MiB_is_413_and_the_clock_stays()
    {
        using var factory = new EmulatorFactory();
        var http = factory.CreateClient();
        var padded = $$"""{"offsetSeconds": 60, "padding": "{{new string('x', 1024 * 1024)}}"}""";

        var reply = await AdminRequest.Post("/_emulator/clock", padded).SendAsync(http);
        var clock = await AdminRequest.Get("/_emulator/clock").SendAsync(http);

        reply.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        reply.Error.Should().Contain("1 MiB");
        clock.Json.GetProperty("offsetSeconds").GetDouble().Should().Be(0);
    }

    [Fact]
    public async Task An_admin_body_over_1_MiB_without_a_Content_Length_is_413()
    {
        using var factory = new EmulatorFactory();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_emulator/oidc/jwks")
        {
            Content = new StreamContent(new MemoryStream(new byte[2 * 1024 * 1024])),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;

        var reply = await AdminReply.ReadAsync(await factory.CreateClient().SendAsync(request));

        reply.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        reply.Error.Should().Contain("1 MiB");
    }

    [Fact]
    public async Task Every_admin_answer_carries_a_fresh_request_id()
    {
        using var factory = new EmulatorFactory();
        var http = factory.CreateClient();

        var first = await AdminRequest.Get("/_emulator/health").SendAsync(http);
        var second = await AdminRequest.Get("/_emulator/health").SendAsync(http);

        Guid.TryParse(first.RequestId, out _).Should().BeTrue();
        second.RequestId.Should().NotBe(first.RequestId);
    }
}
