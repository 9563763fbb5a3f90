using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Admin;

/// <summary>
/// The real server refuses what a hostile web page can send to /_emulator (text/plain writes, a
/// foreign Origin, a rebound Host) while the AWS CLI and scripts keep working.
/// </summary>
[Collection(CliWorkflowCollection.Name)]
public sealed class AdminAccessTests(DefaultEmulator emulator) : IDisposable
{
    private readonly ScratchDirectory files = new();

    [Fact]
    public async Task A_text_plain_reset_is_415_and_the_role_created_with_the_CLI_survives()
    {
        files.Write("trust.json", PolicyDocuments.Ec2TrustPolicy);
        var role = UniqueName.For("survivor");
        (await emulator.Cli(workingDirectory: files.Path).RunAsync("iam", "create-role", "--role-name", role,
            "--assume-role-policy-document", "file://trust.json")).ShouldSucceed();

        using var refused = await Send(HttpMethod.Post, "/_emulator/reset", new StringContent("", Encoding.UTF8, "text/plain"));
        var error = await ErrorOf(refused);

        refused.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        error.Should().Contain("Content-Type: application/json");
        refused.Headers.GetValues("x-amzn-RequestId").Single().Should().NotBeEmpty();
        (await emulator.Cli().RunAsync("iam", "get-role", "--role-name", role)).ShouldSucceed().Json.Text("Role", "RoleName").Should().Be(role);
    }

    [Fact]
    public async Task A_foreign_Origin_is_403_and_the_clock_stays()
    {
        using var refused = await Send(HttpMethod.Post, "/_emulator/clock", Json("""{"offsetSeconds": 86400}"""), request => request.Headers.Add("Origin", "http://evil.example"));
        var error = await ErrorOf(refused);
        var clock = await emulator.ClockAsync();

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        error.Should().Contain("'http://evil.example'").And.Contain("--admin-origins");
        clock.At("offsetSeconds").GetDouble().Should().Be(0);
    }

    [Fact]
    public async Task A_rebound_Host_is_403_on_the_decision_log_while_the_AWS_API_answers_it()
    {
        using var refused = await Send(HttpMethod.Get, "/_emulator/decisions", null, request => request.Headers.Host = "attacker.example");
        var error = await ErrorOf(refused);
        using var aws = await Send(HttpMethod.Post, "/", new StringContent("Action=GetCallerIdentity&Version=2011-06-15", Encoding.UTF8, "application/x-www-form-urlencoded"),
            request => request.Headers.Host = "attacker.example");

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        error.Should().Contain("not 'attacker.example'").And.Contain("--admin-hosts emulator:4599");
        aws.Content.Headers.ContentType!.MediaType.Should().Be("text/xml", "the AWS API answered in its own envelope, not the admin guard's JSON");
    }

    [Fact]
    public async Task A_clock_move_past_9999_is_400_and_the_clock_stays()
    {
        using var refused = await Send(HttpMethod.Post, "/_emulator/clock", Json("""{"time": "9999-12-31T23:59:59Z"}"""));
        var error = await ErrorOf(refused);
        using var tooFar = await Send(HttpMethod.Post, "/_emulator/clock", Json("""{"offsetSeconds": 1e300}"""));
        var clock = await emulator.ClockAsync();

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.Should().StartWith("time must be between 2000-01-01T00:00:00Z and 9999-12-01T00:00:00Z");
        tooFar.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        clock.At("offsetSeconds").GetDouble().Should().Be(0);
    }

    [Fact]
    public async Task With_admin_token_a_request_without_it_is_401_and_with_it_200()
    {
        using var guarded = await EmulatorProcess.StartAsync(null, "--admin-token", "e2e-token");
        using var anonymous = new HttpClient();

        using var refused = await anonymous.GetAsync($"{guarded.Url}/_emulator/health");
        var error = await ErrorOf(refused);
        var health = await guarded.HealthAsync();

        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        refused.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
        error.Should().Contain("--admin-token");
        health.Text("status").Should().Be("ok");
    }

    [Fact]
    public async Task Admin_hosts_admits_the_listed_host_and_still_refuses_others()
    {
        using var docker = await EmulatorProcess.StartAsync(null, "--admin-hosts", "emulator");
        var port = new Uri(docker.Url).Port;

        using var admitted = await Send(docker, HttpMethod.Get, "/_emulator/health", null, request => request.Headers.Host = $"emulator:{port}");
        using var refused = await Send(docker, HttpMethod.Get, "/_emulator/health", null, request => request.Headers.Host = $"attacker.example:{port}");

        admitted.StatusCode.Should().Be(HttpStatusCode.OK);
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Listening_beyond_loopback_without_admin_token_logs_a_warning()
    {
        using var exposed = new EmulatorProcess { AlsoListenOn = "http://0.0.0.0:0" };
        await exposed.InitializeAsync();

        exposed.Output.Should().Contain("The admin API /_emulator is reachable beyond this machine on").And.Contain("http://0.0.0.0:");
    }

    [Fact]
    public async Task Listening_on_loopback_only_logs_no_exposure_warning()
    {
        var health = await emulator.HealthAsync();

        health.Text("status").Should().Be("ok");
        emulator.Output.Should().NotContain("reachable beyond this machine");
    }

    public void Dispose() => files.Dispose();

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, HttpContent? content, Action<HttpRequestMessage>? tamper = null) =>
        Send(emulator, method, path, content, tamper);

    private static async Task<HttpResponseMessage> Send(EmulatorProcess target, HttpMethod method, string path, HttpContent? content, Action<HttpRequestMessage>? tamper = null)
    {
        using var request = new HttpRequestMessage(method, target.Url + path) { Content = content };
        tamper?.Invoke(request);
        return await target.Http.SendAsync(request);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    private static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("error").GetString()!;
    }
}
