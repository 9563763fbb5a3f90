using System.Net;
using System.Text.Json;
using Emulator.Core.Sts;
using Emulator.Server.Hosting;
using Emulator.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Emulator.Server.Tests.Sts;

public sealed class DecodeAuthorizationMessageTests : IClassFixture<DecodeAuthorizationMessageTests.Factory>
{
    private readonly Factory factory;

    public DecodeAuthorizationMessageTests(Factory factory) => this.factory = factory;

    public sealed class Factory() : EmulatorFactory(StsSeed.Json);

    private string Encode() => factory.Services.GetRequiredService<EmulatorRuntime>().AuthorizationMessages.Encode(new AuthorizationFailure(
        false, false, [], "AIDAEXAMPLE", "dev", "arn:aws:iam::111111111111:user/dev", "iam:PassRole", "arn:aws:iam::111111111111:role/app",
        [new("aws:Region", ["us-east-1"])]));

    [Fact]
    public async Task An_encoded_failure_decodes_to_AWSs_json_shape()
    {
        var response = await factory.Iam("AKIAROOTA00000000001", "root-a").For("sts").Call("DecodeAuthorizationMessage", ("EncodedMessage", Encode()));

        response.Status.Should().Be(HttpStatusCode.OK);
        using var decoded = JsonDocument.Parse(response.Value("DecodedMessage")!);
        decoded.RootElement.GetProperty("allowed").GetBoolean().Should().BeFalse();
        decoded.RootElement.GetProperty("context").GetProperty("action").GetString().Should().Be("iam:PassRole");
        decoded.RootElement.GetProperty("context").GetProperty("principal").GetProperty("arn").GetString().Should().Be("arn:aws:iam::111111111111:user/dev");
        decoded.RootElement.GetProperty("context").GetProperty("conditions").GetProperty("items")[0].GetProperty("key").GetString().Should().Be("aws:Region");
    }

    [Fact]
    public async Task Garbage_is_InvalidAuthorizationMessageException()
    {
        var response = await factory.Iam("AKIAROOTA00000000001", "root-a").For("sts").Call("DecodeAuthorizationMessage", ("EncodedMessage", "bm90LWEtbWVzc2FnZQ"));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("InvalidAuthorizationMessageException");
    }

    [Fact]
    public async Task Decoding_needs_the_sts_DecodeAuthorizationMessage_permission()
    {
        var response = await factory.Iam("AKIASTRANGER00000001", "stranger-secret").For("sts").Call("DecodeAuthorizationMessage", ("EncodedMessage", Encode()));

        response.ErrorCode.Should().Be("AccessDenied");
        response.ErrorMessage.Should().Contain("sts:DecodeAuthorizationMessage");
    }
}
