using Emulator.Core.Ec2;
using Emulator.Server.Imds;

namespace Emulator.Server.Tests.Imds;

[Collection(ImdsCollection.Name)]
public sealed class ImdsTokenTests
{
    private readonly ImdsTestBed bed;

    public ImdsTokenTests(ImdsTestBed bed)
    {
        this.bed = bed;
        bed.Reset();
    }

    private static Dictionary<string, string> Ttl(string value) => new() { [ImdsEndpoint.TtlHeader] = value };

    [Fact]
    public async Task Token_PUT_returns_a_56_character_token_and_echoes_the_TTL()
    {
        bed.Launch();
        var reply = await bed.Send("PUT", "/latest/api/token", Ttl("21600"));

        reply.Status.Should().Be(200);
        reply.Text.Should().HaveLength(56);
        reply.Header(ImdsEndpoint.TtlHeader).Should().Be("21600");
        reply.Header("Server").Should().Be("EC2ws");
        reply.Header("Content-Type").Should().Be("text/plain");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("invalid")]
    [InlineData("-1")]
    [InlineData("21601")]
    [InlineData("1.5")]
    [InlineData("")]
    public async Task Missing_invalid_negative_or_too_large_TTL_is_400_with_an_empty_body(string? ttl)
    {
        bed.Launch();
        var reply = await bed.Send("PUT", "/latest/api/token", ttl is null ? null : Ttl(ttl));

        reply.Status.Should().Be(400);
        reply.Body.Should().BeEmpty();
        reply.Header("Content-Length").Should().Be("0");
        reply.Header("Content-Type").Should().Be("text/plain");
    }

    [Fact]
    public async Task TTL_zero_mints_a_token_that_is_already_expired()
    {
        bed.Launch();
        var reply = await bed.Send("PUT", "/latest/api/token", Ttl("0"));
        reply.Status.Should().Be(200);
        reply.Header(ImdsEndpoint.TtlHeader).Should().Be("0");

        var get = await bed.Get("/latest/meta-data/instance-id", reply.Text);
        get.Status.Should().Be(401);
        get.Header(ImdsEndpoint.TtlHeader).Should().BeNull("401 answers carry no remaining TTL");
    }

    [Fact]
    public async Task X_Forwarded_For_on_the_token_PUT_is_403()
    {
        bed.Launch();
        var reply = await bed.Send("PUT", "/latest/api/token", new Dictionary<string, string> { [ImdsEndpoint.TtlHeader] = "60", ["X-Forwarded-For"] = "10.0.0.1" });

        reply.Status.Should().Be(403);
        reply.Body.Should().BeEmpty();
    }

    [Theory]
    [InlineData("GET", 405)]
    [InlineData("POST", 405)]
    [InlineData("DELETE", 405)]
    [InlineData("OPTIONS", 200)]
    public async Task Other_methods_on_the_token_path_are_405_and_OPTIONS_200_both_with_Allow(string method, int status)
    {
        bed.Launch();
        var reply = await bed.Send(method, "/latest/api/token", Ttl("60"));

        reply.Status.Should().Be(status);
        reply.Header("Allow").Should().Be("OPTIONS, PUT");
    }

    [Fact]
    public async Task Token_PUT_with_a_trailing_slash_works()
    {
        bed.Launch();
        (await bed.Send("PUT", "/latest/api/token/", Ttl("60"))).Status.Should().Be(200);
    }

    [Fact]
    public async Task A_token_works_only_for_the_instance_that_minted_it()
    {
        var first = bed.Launch();
        var second = bed.Launch();
        var token = await bed.Token($"/{first.InstanceId}");

        (await bed.Get($"/{first.InstanceId}/latest/meta-data/instance-id", token)).Text.Should().Be(first.InstanceId);
        (await bed.Get($"/{second.InstanceId}/latest/meta-data/instance-id", token)).Status.Should().Be(401);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("")]
    public async Task A_forged_or_empty_token_is_401_even_when_tokens_are_optional(string token)
    {
        bed.Launch();
        (await bed.Get("/latest/meta-data/instance-id", token)).Status.Should().Be(401);
    }

    [Fact]
    public async Task Every_answer_to_a_request_with_a_valid_token_carries_the_remaining_TTL_counting_down_on_the_emulator_clock()
    {
        bed.Launch();
        var token = await bed.Token(ttl: 21600);
        (await bed.Get("/latest/meta-data/instance-id", token)).Header(ImdsEndpoint.TtlHeader).Should().Be("21600");

        bed.Runtime.Clock.Advance(TimeSpan.FromSeconds(100));
        int.Parse((await bed.Get("/latest/meta-data/instance-id", token)).Header(ImdsEndpoint.TtlHeader)!).Should().BeInRange(21499, 21500);
        var notFound = await bed.Get("/latest/meta-data/no-such-thing", token);
        notFound.Status.Should().Be(404);
        notFound.Header(ImdsEndpoint.TtlHeader).Should().NotBeNull();
        var options = await bed.Send("OPTIONS", "/latest/meta-data/", new Dictionary<string, string> { [ImdsEndpoint.TokenHeader] = token });
        options.Status.Should().Be(200);
        options.Header(ImdsEndpoint.TtlHeader).Should().NotBeNull();
        var post = await bed.Send("POST", "/latest/meta-data/", new Dictionary<string, string> { [ImdsEndpoint.TokenHeader] = token });
        post.Status.Should().Be(403);
        post.Header(ImdsEndpoint.TtlHeader).Should().NotBeNull();
    }

    [Fact]
    public async Task A_token_expires_after_its_TTL_and_use_does_not_extend_it()
    {
        bed.Launch();
        var token = await bed.Token(ttl: 60);
        bed.Runtime.Clock.Advance(TimeSpan.FromSeconds(50));
        (await bed.Get("/latest/meta-data/instance-id", token)).Status.Should().Be(200);

        bed.Runtime.Clock.Advance(TimeSpan.FromSeconds(11));
        (await bed.Get("/latest/meta-data/instance-id", token)).Status.Should().Be(401);
    }

    [Fact]
    public async Task A_PUT_to_a_versioned_token_path_is_403_with_a_token_and_401_without_one_when_tokens_are_required()
    {
        bed.Launch(options: new MetadataOptionsRequest(HttpTokens: "required"));
        var token = await bed.Token();

        (await bed.Send("PUT", "/2021-03-23/api/token", new Dictionary<string, string> { [ImdsEndpoint.TokenHeader] = token, [ImdsEndpoint.TtlHeader] = "60" }))
            .Status.Should().Be(403);
        (await bed.Send("PUT", "/2021-03-23/api/token", Ttl("60"))).Status.Should().Be(401);
    }
}
