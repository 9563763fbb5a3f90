using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Emulator.Server.Hosting;
using Emulator.Server.Imds;

namespace Emulator.Server.Tests.Imds;

/// <summary>Which instance a request is for: per-instance port > path instance id > source address > default.</summary>
[Collection(ImdsCollection.Name)]
public sealed class ImdsAddressingTests
{
    private readonly ImdsTestBed bed;

    public ImdsAddressingTests(ImdsTestBed bed)
    {
        this.bed = bed;
        bed.Reset();
    }

    [Fact]
    public async Task Without_a_running_instance_latest_is_404_with_an_explanation()
    {
        var reply = await bed.Get("/latest/meta-data/instance-id");

        reply.Status.Should().Be(404);
        reply.Text.Should().Contain("No instance is running");
        reply.Header("Server").Should().Be("EC2ws");
    }

    [Fact]
    public async Task With_two_running_instances_latest_needs_a_default_which_the_admin_API_marks()
    {
        bed.Launch();
        var second = bed.Launch();
        var ambiguous = await bed.Get("/latest/meta-data/instance-id");
        ambiguous.Status.Should().Be(404);
        ambiguous.Text.Should().Contain("2 instances are running").And.Contain("POST /_emulator/instances/default");

        var client = bed.Factory.CreateClient();
        var marked = await client.PostAsync("/_emulator/instances/default", ImdsTestBed.Json($$"""{"instanceId":"{{second.InstanceId}}"}"""));
        marked.StatusCode.Should().Be(HttpStatusCode.OK);
        (await bed.Get("/latest/meta-data/instance-id")).Text.Should().Be(second.InstanceId);

        var unknown = await client.PostAsync("/_emulator/instances/default", ImdsTestBed.Json("""{"instanceId":"i-00000000000000000"}"""));
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.PostAsync("/_emulator/instances/default", ImdsTestBed.Json("""{"instanceId":null}"""))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await bed.Get("/latest/meta-data/instance-id")).Status.Should().Be(404);
    }

    [Fact]
    public async Task The_path_form_serves_the_named_instance_and_not_a_stopped_or_unknown_one()
    {
        var first = bed.Launch();
        var second = bed.Launch();

        (await bed.Get($"/{first.InstanceId}/latest/meta-data/instance-id")).Text.Should().Be(first.InstanceId);
        (await bed.Get($"/{second.InstanceId}/latest/meta-data/instance-id")).Text.Should().Be(second.InstanceId);
        (await bed.Get("/i-00000000000000000/latest/meta-data/instance-id")).Status.Should().Be(404);

        bed.Runtime.Ec2.Instances.Stop(ImdsTestBed.Account, ImdsTestBed.Region, [second.InstanceId]);
        var stopped = await bed.Get($"/{second.InstanceId}/latest/meta-data/instance-id");
        stopped.Status.Should().Be(404);
        stopped.Text.Should().Contain("IMDS serves running instances only");
        (await bed.Get("/latest/meta-data/instance-id")).Text.Should().Be(first.InstanceId, "the only running instance is the default");
    }

    [Fact]
    public async Task Each_live_instance_gets_the_lowest_free_port_which_serves_only_that_instance_and_no_AWS_or_admin_API()
    {
        var first = bed.Launch();
        var second = bed.Launch();

        (await bed.Get("/latest/meta-data/instance-id", localPort: ImdsTestBed.FirstPort)).Text.Should().Be(first.InstanceId);
        (await bed.Get("/latest/meta-data/instance-id", localPort: ImdsTestBed.FirstPort + 1)).Text.Should().Be(second.InstanceId);
        (await bed.Get("/", localPort: ImdsTestBed.FirstPort + 1)).Text.Should().EndWith("\nlatest");
        var token = await bed.Token(localPort: ImdsTestBed.FirstPort + 1);
        (await bed.Get("/latest/meta-data/instance-id", token, localPort: ImdsTestBed.FirstPort + 1)).Text.Should().Be(second.InstanceId);
        (await bed.Get("/_emulator/health", localPort: ImdsTestBed.FirstPort)).Status.Should().Be(404);
        (await bed.Get($"/{second.InstanceId}/latest/meta-data/instance-id", localPort: ImdsTestBed.FirstPort)).Status.Should().Be(404, "a port serves its own instance only");
        (await bed.Get("/latest/meta-data/instance-id", localPort: ImdsTestBed.FirstPort + 3)).Text.Should().Contain("No instance is assigned to IMDS port");

        bed.Runtime.Ec2.Instances.Terminate(ImdsTestBed.Account, ImdsTestBed.Region, [first.InstanceId]);
        bed.Runtime.Clock.Advance(TimeSpan.FromMinutes(1));
        var third = bed.Launch();
        (await bed.Get("/latest/meta-data/instance-id", localPort: ImdsTestBed.FirstPort + 1)).Text.Should().Be(second.InstanceId, "a live instance keeps its port");
        (await bed.Get("/latest/meta-data/instance-id", localPort: ImdsTestBed.FirstPort)).Text.Should().Be(third.InstanceId, "the terminated instance's port is free again");
    }

    [Fact]
    public async Task A_request_from_an_instance_private_address_is_for_that_instance()
    {
        var first = bed.Launch(privateIp: "127.0.0.11");
        var second = bed.Launch(privateIp: "127.0.0.12");

        (await bed.Get("/latest/meta-data/instance-id", remoteAddress: "127.0.0.11")).Text.Should().Be(first.InstanceId);
        (await bed.Get("/latest/meta-data/instance-id", remoteAddress: "::ffff:127.0.0.12")).Text.Should().Be(second.InstanceId);
        (await bed.Get("/latest/meta-data/instance-id", remoteAddress: "127.0.0.13")).Status.Should().Be(404);
    }

    [Fact]
    public async Task Port_beats_path_beats_source_address_beats_default()
    {
        var first = bed.Launch(privateIp: "127.0.0.21");
        var second = bed.Launch(privateIp: "127.0.0.22");
        var client = bed.Factory.CreateClient();
        await client.PostAsync("/_emulator/instances/default", ImdsTestBed.Json($$"""{"instanceId":"{{first.InstanceId}}"}"""));

        (await bed.Get("/latest/meta-data/instance-id")).Text.Should().Be(first.InstanceId);
        (await bed.Get("/latest/meta-data/instance-id", remoteAddress: "127.0.0.22")).Text.Should().Be(second.InstanceId);
        (await bed.Get($"/{first.InstanceId}/latest/meta-data/instance-id", remoteAddress: "127.0.0.22")).Text.Should().Be(first.InstanceId);
        (await bed.Get("/latest/meta-data/instance-id", localPort: ImdsTestBed.FirstPort + 1, remoteAddress: "127.0.0.21")).Text.Should().Be(second.InstanceId);
    }

    [Fact]
    public async Task The_admin_list_shows_each_live_instance_with_its_IMDS_addresses()
    {
        bed.RoleWithProfile("app-role");
        var first = bed.Launch("app-role");
        var second = bed.Launch();
        bed.Runtime.Ec2.Instances.Stop(ImdsTestBed.Account, ImdsTestBed.Region, [second.InstanceId]);

        var list = await bed.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/_emulator/instances");
        list.GetArrayLength().Should().Be(2);
        var entry = list[0];
        entry.GetProperty("instanceId").GetString().Should().Be(first.InstanceId);
        entry.GetProperty("accountId").GetString().Should().Be(ImdsTestBed.Account);
        entry.GetProperty("region").GetString().Should().Be("us-east-1");
        entry.GetProperty("state").GetString().Should().Be("running");
        entry.GetProperty("privateIpAddress").GetString().Should().Be(first.PrivateIpAddress);
        entry.GetProperty("roleName").GetString().Should().Be("app-role");
        entry.GetProperty("imdsEndpoint").GetString().Should().Be($"http://localhost/{first.InstanceId}");
        entry.GetProperty("imdsPort").GetInt32().Should().Be(ImdsTestBed.FirstPort);
        entry.GetProperty("imdsPortEndpoint").GetString().Should().Be($"http://127.0.0.1:{ImdsTestBed.FirstPort}");
        entry.GetProperty("isDefault").GetBoolean().Should().BeTrue("it is the only running instance");
        list[1].GetProperty("state").GetString().Should().Be("stopped");
        list[1].TryGetProperty("roleName", out _).Should().BeFalse();
        list[1].GetProperty("isDefault").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task The_AWS_API_and_admin_API_still_answer_on_the_main_port()
    {
        bed.Launch();
        (await bed.Factory.CreateClient().GetAsync("/_emulator/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await bed.Get("/latest-not-a-version/meta-data")).Header("Server").Should().NotBe("EC2ws");
    }

    [Theory]
    [InlineData("4600-4615", 4600, 4615)]
    [InlineData("4600-4600", 4600, 4600)]
    [InlineData("1000-1255", 1000, 1255)]
    public void Imds_ports_parse_as_a_range(string text, int from, int to) =>
        ImdsPortRange.Parse(text).Should().Be(new ImdsPortRange(from, to));

    [Theory]
    [InlineData("4600")]
    [InlineData("4615-4600")]
    [InlineData("1000-1256")]
    [InlineData("0-10")]
    [InlineData("65530-65536")]
    [InlineData("a-b")]
    public void Invalid_imds_ports_stop_the_start_with_a_reason(string text)
    {
        var act = () => ImdsPortRange.Parse(text);
        act.Should().Throw<ArgumentException>().WithMessage("--imds-ports*");
    }

    [Fact]
    public void Imds_ports_is_a_known_option() =>
        CommandLine.Options.Should().Contain(("imds-ports", "FROM-TO"));
}
