using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Emulator.Core.Ec2;
using Emulator.Core.Iam.Tags;

namespace Emulator.Server.Tests.Imds;

/// <summary>Listings, leaves, paths and bodies (imds.md §4, §5).</summary>
[Collection(ImdsCollection.Name)]
public sealed class ImdsTreeTests
{
    private readonly ImdsTestBed bed;

    public ImdsTreeTests(ImdsTestBed bed)
    {
        this.bed = bed;
        bed.Reset();
    }

    [Fact]
    public async Task The_versions_listing_runs_from_1_0_to_latest_without_a_trailing_newline()
    {
        var instance = bed.Launch();
        foreach (var path in new[] { $"/{instance.InstanceId}/", $"/{instance.InstanceId}" })
        {
            var lines = (await bed.Get(path)).Text;
            lines.Should().StartWith("1.0\n2007-01-19\n").And.EndWith("\n2025-10-04\n2026-04-15\nlatest");
        }
    }

    [Fact]
    public async Task Latest_lists_dynamic_meta_data_and_user_data_only_when_the_instance_has_user_data()
    {
        bed.Launch();
        (await bed.Get("/latest/")).Text.Should().Be("dynamic\nmeta-data");

        bed.Reset();
        bed.Launch(userData: Convert.ToBase64String(Encoding.UTF8.GetBytes("#!/bin/sh\necho hi\n")));
        (await bed.Get("/latest")).Text.Should().Be("dynamic\nmeta-data\nuser-data");
    }

    [Fact]
    public async Task User_data_is_the_decoded_bytes_as_octet_stream_and_404_when_there_is_none()
    {
        var bytes = new byte[] { 0x23, 0x21, 0x00, 0xff, 0x0a };
        var withData = bed.Launch(userData: Convert.ToBase64String(bytes));
        var without = bed.Launch();

        var reply = await bed.Get($"/{withData.InstanceId}/latest/user-data");
        reply.Body.Should().Equal(bytes);
        reply.Header("Content-Type").Should().Be("application/octet-stream");
        (await bed.Get($"/{without.InstanceId}/latest/user-data")).Status.Should().Be(404);
    }

    [Fact]
    public async Task The_meta_data_listing_is_sorted_with_directories_ending_in_a_slash_and_no_iam_without_a_profile()
    {
        bed.Launch();
        var reply = await bed.Get("/latest/meta-data/");

        reply.Header("Content-Type").Should().Be("text/plain");
        reply.Header("Server").Should().Be("EC2ws");
        reply.Text.Should().Be(string.Join('\n',
            "ami-id", "ami-launch-index", "hostname", "identity-credentials/", "instance-id", "instance-life-cycle", "instance-type",
            "local-hostname", "local-ipv4", "mac", "network/", "placement/", "reservation-id", "security-groups", "services/"));
    }

    [Fact]
    public async Task Leaves_hold_the_instance_facts()
    {
        var instance = bed.Launch();
        async Task<string> Leaf(string path) => (await bed.Get("/latest/meta-data/" + path)).Text;

        (await Leaf("instance-id")).Should().Be(instance.InstanceId);
        (await Leaf("ami-id")).Should().Be("ami-0123456789abcdef0");
        (await Leaf("ami-launch-index")).Should().Be("0");
        (await Leaf("instance-type")).Should().Be("t3.micro");
        (await Leaf("instance-life-cycle")).Should().Be("on-demand");
        (await Leaf("placement/availability-zone")).Should().Be(instance.AvailabilityZone);
        (await Leaf("placement/availability-zone-id")).Should().MatchRegex("^use1-az[0-9]$");
        (await Leaf("placement/region")).Should().Be("us-east-1");
        (await Leaf("local-ipv4")).Should().Be(instance.PrivateIpAddress);
        (await Leaf("hostname")).Should().Be($"ip-{instance.PrivateIpAddress.Replace('.', '-')}.ec2.internal");
        (await Leaf("local-hostname")).Should().Be(instance.PrivateDnsName);
        (await Leaf("mac")).Should().Be(instance.MacAddress);
        (await Leaf("reservation-id")).Should().Be(instance.ReservationId);
        (await Leaf("security-groups")).Should().Be("default");
        (await Leaf("services/domain")).Should().Be("amazonaws.com");
        (await Leaf("services/partition")).Should().Be("aws");
        (await Leaf("network/interfaces/macs/")).Should().Be(instance.MacAddress + "/");
        (await Leaf($"network/interfaces/macs/{instance.MacAddress}/vpc-id")).Should().Be(instance.VpcId);
        (await Leaf($"network/interfaces/macs/{instance.MacAddress}/subnet-id")).Should().Be(instance.SubnetId);
        (await Leaf($"network/interfaces/macs/{instance.MacAddress}/interface-id")).Should().Be(instance.NetworkInterfaceId);
        (await Leaf($"network/interfaces/macs/{instance.MacAddress}/owner-id")).Should().Be(ImdsTestBed.Account);
        (await bed.Get("/latest/meta-data/public-ipv4")).Status.Should().Be(404);
    }

    [Theory]
    [InlineData("/latest/meta-data/placement/availability-zone/")]
    [InlineData("//latest/meta-data/placement/availability-zone")]
    [InlineData("/latest/./meta-data/placement/availability-zone")]
    [InlineData("/latest/meta-data/placement/availability-zone?x=1")]
    [InlineData("/latest/meta-data/%70lacement/availability-zone")]
    [InlineData("/2021-07-15/meta-data/placement/availability-zone")]
    public async Task Paths_are_normalised_and_leaves_answer_with_a_trailing_slash(string path)
    {
        var instance = bed.Launch();
        (await bed.Get(path)).Text.Should().Be(instance.AvailabilityZone);
    }

    [Fact]
    public async Task Directories_answer_with_and_without_the_trailing_slash()
    {
        bed.Launch();
        (await bed.Get("/latest/meta-data/placement")).Text.Should().Be("availability-zone\navailability-zone-id\nregion");
        (await bed.Get("/latest/meta-data/placement/")).Text.Should().Be("availability-zone\navailability-zone-id\nregion");
    }

    [Fact]
    public async Task An_unknown_path_is_404_with_AWS_XHTML_page()
    {
        bed.Launch();
        var reply = await bed.Get("/latest/meta-data/nothing-here");

        reply.Status.Should().Be(404);
        reply.Header("Content-Type").Should().Be("text/html");
        reply.Body.Should().HaveCount(339);
        reply.Text.Should().Contain("<title>404 - Not Found</title>");
    }

    [Fact]
    public async Task Tags_are_absent_unless_InstanceMetadataTags_is_enabled()
    {
        bed.Launch(tags: [new Tag("Name", "web")]);

        (await bed.Get("/latest/meta-data/tags/instance/Name")).Status.Should().Be(404);
        (await bed.Get("/latest/meta-data/tag-sets/instance")).Status.Should().Be(404);
    }

    [Fact]
    public async Task With_tags_enabled_tags_list_keys_and_serve_values_and_tag_sets_hold_them_as_JSON()
    {
        bed.Launch(options: new MetadataOptionsRequest(InstanceMetadataTags: "enabled"), tags: [new Tag("Name", "web"), new Tag("team", "a\"b")]);

        (await bed.Get("/latest/meta-data/")).Text.Should().Contain("\ntag-sets/\ntags/");
        (await bed.Get("/latest/meta-data/tags/instance/")).Text.Should().Be("Name\nteam");
        (await bed.Get("/latest/meta-data/tags/instance/Name")).Text.Should().Be("web");
        (await bed.Get("/latest/meta-data/tag-sets/")).Text.Should().Be("instance");
        (await bed.Get("/latest/meta-data/tag-sets/instance")).Text.Should().Be("{\"Name\":\"web\",\"team\":\"a\\\"b\"}");
    }

    [Fact]
    public async Task With_tags_enabled_and_no_tags_tags_is_404_and_the_tag_set_is_empty()
    {
        bed.Launch(options: new MetadataOptionsRequest(InstanceMetadataTags: "enabled"));

        (await bed.Get("/latest/meta-data/tags/instance/")).Status.Should().Be(404);
        (await bed.Get("/latest/meta-data/tag-sets/instance")).Text.Should().Be("{}");
    }

    [Fact]
    public async Task The_identity_document_is_pretty_printed_and_its_signatures_verify_against_the_published_certificate()
    {
        var instance = bed.Launch();
        var document = (await bed.Get("/latest/dynamic/instance-identity/document")).Text;

        document.Should().StartWith("{\n  \"accountId\" : \"123456789012\",\n  \"architecture\" : \"x86_64\",");
        document.Should().Contain($"\"instanceId\" : \"{instance.InstanceId}\"").And.Contain("\"billingProducts\" : null").And.EndWith("\"version\" : \"2017-09-30\"\n}");
        var json = JsonDocument.Parse(document).RootElement;
        json.GetProperty("region").GetString().Should().Be("us-east-1");
        json.GetProperty("privateIp").GetString().Should().Be(instance.PrivateIpAddress);
        json.GetProperty("pendingTime").GetString().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
        (await bed.Get("/latest/dynamic/instance-identity/")).Text.Should().Be("document\npkcs7\nrsa2048\nsignature");

        var pem = await bed.Factory.CreateClient().GetStringAsync("/_emulator/imds/certificate");
        using var certificate = X509Certificate2.CreateFromPem(pem);
        var signature = Convert.FromBase64String((await bed.Get("/latest/dynamic/instance-identity/signature")).Text);
        certificate.GetRSAPublicKey()!.VerifyData(Encoding.UTF8.GetBytes(document), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).Should().BeTrue();

        foreach (var name in new[] { "pkcs7", "rsa2048" })
        {
            var text = (await bed.Get("/latest/dynamic/instance-identity/" + name)).Text;
            text.Split('\n').Should().OnlyContain(line => line.Length <= 64);
            var cms = new SignedCms();
            cms.Decode(Convert.FromBase64String(text.Replace("\n", "", StringComparison.Ordinal)));
            cms.CheckSignature(new X509Certificate2Collection(certificate), verifySignatureOnly: true);
            Encoding.UTF8.GetString(cms.ContentInfo.Content).Should().Be(document);
        }
    }
}
