using Emulator.Core.Ec2;
using Emulator.Server.Imds;

namespace Emulator.Server.Tests.Imds;

/// <summary>The GET decision (imds.md §3): endpoint, token, then method and path.</summary>
[Collection(ImdsCollection.Name)]
public sealed class ImdsAccessTests
{
    private readonly ImdsTestBed bed;

    public ImdsAccessTests(ImdsTestBed bed)
    {
        this.bed = bed;
        bed.Reset();
    }

    [Fact]
    public async Task HttpTokens_optional_serves_token_less_reads()
    {
        var instance = bed.Launch();
        var reply = await bed.Get("/latest/meta-data/instance-id");

        reply.Status.Should().Be(200);
        reply.Text.Should().Be(instance.InstanceId);
        reply.Header(ImdsEndpoint.TtlHeader).Should().BeNull();
    }

    [Fact]
    public async Task HttpTokens_required_refuses_token_less_reads_with_401_and_serves_reads_with_a_token()
    {
        var instance = bed.Launch(options: new MetadataOptionsRequest(HttpTokens: "required"));

        var refused = await bed.Get("/latest/meta-data/instance-id");
        refused.Status.Should().Be(401);
        refused.Body.Should().BeEmpty();
        refused.Header("Server").Should().Be("EC2ws");
        (await bed.Get("/latest/meta-data/instance-id", await bed.Token())).Text.Should().Be(instance.InstanceId);
    }

    [Fact]
    public async Task ModifyInstanceMetadataOptions_applies_to_a_running_instance_at_once()
    {
        var instance = bed.Launch();
        (await bed.Get("/latest/meta-data/instance-id")).Status.Should().Be(200);

        bed.Runtime.Ec2.Instances.ModifyMetadataOptions(ImdsTestBed.Account, ImdsTestBed.Region, instance.InstanceId, new MetadataOptionsRequest(HttpTokens: "required"));
        (await bed.Get("/latest/meta-data/instance-id")).Status.Should().Be(401);

        bed.Runtime.Ec2.Instances.ModifyMetadataOptions(ImdsTestBed.Account, ImdsTestBed.Region, instance.InstanceId, new MetadataOptionsRequest(HttpEndpoint: "disabled"));
        (await bed.Send("PUT", "/latest/api/token", new Dictionary<string, string> { [ImdsEndpoint.TtlHeader] = "60" })).Status.Should().Be(403);
    }

    [Fact]
    public async Task HttpEndpoint_disabled_answers_everything_403()
    {
        var instance = bed.Launch(options: new MetadataOptionsRequest(HttpEndpoint: "disabled"));

        (await bed.Send("PUT", "/latest/api/token", new Dictionary<string, string> { [ImdsEndpoint.TtlHeader] = "60" })).Status.Should().Be(403);
        (await bed.Get("/latest/meta-data/instance-id")).Status.Should().Be(403);
        (await bed.Get($"/{instance.InstanceId}/")).Status.Should().Be(403);
        (await bed.Send("OPTIONS", "/latest/meta-data/")).Status.Should().Be(403);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("DELETE")]
    [InlineData("PUT")]
    public async Task Writes_to_a_metadata_path_are_403_with_an_empty_body(string method)
    {
        bed.Launch();
        var reply = await bed.Send(method, "/latest/meta-data/instance-id");

        reply.Status.Should().Be(403);
        reply.Body.Should().BeEmpty();
    }

    [Fact]
    public async Task OPTIONS_on_a_metadata_path_is_200_with_Allow()
    {
        bed.Launch();
        var reply = await bed.Send("OPTIONS", "/latest/meta-data/instance-id");

        reply.Status.Should().Be(200);
        reply.Header("Allow").Should().Be("OPTIONS, GET, HEAD");
    }

    [Fact]
    public async Task HEAD_answers_the_headers_of_GET_without_a_body()
    {
        var instance = bed.Launch();
        var reply = await bed.Send("HEAD", "/latest/meta-data/instance-id");

        reply.Status.Should().Be(200);
        reply.Body.Should().BeEmpty();
        reply.Header("Content-Length").Should().Be(instance.InstanceId.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
