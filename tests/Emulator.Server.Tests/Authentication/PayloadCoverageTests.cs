using System.Net;
using System.Text;
using Emulator.Server.Authentication;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Authentication;

/// <summary>The signature covers the body actually received: a captured signature cannot carry another body.</summary>
public sealed class PayloadCoverageTests(DefaultEmulator factory) : IClassFixture<DefaultEmulator>
{
    private const string ListRolesBody = "Action=ListRoles&Version=2010-05-08";

    [Fact]
    public async Task A_captured_ListRoles_signature_replayed_with_a_CreateUser_body_is_SignatureDoesNotMatch()
    {
        var name = $"replayed-{Guid.NewGuid():N}"[..20];
        var replay = await factory.Iam().Send("ListRoles", [], DateTimeOffset.UtcNow, request =>
        {
            request.Content = new StringContent($"Action=CreateUser&Version=2010-05-08&UserName={name}", Encoding.UTF8);
            request.Content.Headers.ContentType = null;
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
            request.Headers.TryAddWithoutValidation("x-amz-content-sha256", SigV4Signer.PayloadHash(Encoding.UTF8.GetBytes(ListRolesBody)));
        });
        var user = await factory.Iam().Call("GetUser", ("UserName", name));

        replay.Status.Should().Be(HttpStatusCode.Forbidden);
        replay.ErrorCode.Should().Be("SignatureDoesNotMatch");
        user.ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task A_declared_payload_hash_that_is_not_the_bodys_is_SignatureDoesNotMatch_even_when_signed()
    {
        var client = new IamTestClient(factory.CreateClient(), EmulatorFactory.DefaultKeyId, EmulatorFactory.DefaultSecret)
        {
            DeclaredPayloadHash = SigV4Signer.PayloadHash(Encoding.UTF8.GetBytes("something else")),
        };

        var response = await client.Call("ListRoles");

        response.ErrorCode.Should().Be("SignatureDoesNotMatch");
    }

    [Fact]
    public async Task A_declared_payload_hash_equal_to_the_bodys_is_accepted()
    {
        var client = new IamTestClient(factory.CreateClient(), EmulatorFactory.DefaultKeyId, EmulatorFactory.DefaultSecret)
        {
            DeclaredPayloadHash = SigV4Signer.PayloadHash(Encoding.UTF8.GetBytes(ListRolesBody)),
        };

        var response = await client.Call("ListRoles");

        response.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UNSIGNED_PAYLOAD_on_a_header_signed_request_with_a_body_is_SignatureDoesNotMatch()
    {
        var client = new IamTestClient(factory.CreateClient(), EmulatorFactory.DefaultKeyId, EmulatorFactory.DefaultSecret) { DeclaredPayloadHash = "UNSIGNED-PAYLOAD" };

        var response = await client.Call("ListRoles");

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.ErrorCode.Should().Be("SignatureDoesNotMatch");
    }

    [Fact]
    public async Task Control_characters_in_the_date_header_are_answered_with_an_escaped_message_not_a_500()
    {
        var response = await factory.Iam().Send("ListRoles", [], DateTimeOffset.UtcNow, request =>
        {
            request.Headers.Remove("X-Amz-Date");
            request.Headers.TryAddWithoutValidation("X-Amz-Date", "2024\u0001\u001b[31m");
        });

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.ErrorCode.Should().Be("SignatureDoesNotMatch");
        response.ErrorMessage.Should().EndWith("!= '2024\\u0001\\u001B[3', from '2024\\u0001\\u001B[31m'. ");
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Methods_other_than_GET_and_POST_are_an_AWS_shaped_405(string method)
    {
        var response = await factory.Iam().SendRaw(new HttpRequestMessage(new HttpMethod(method), "/?Action=ListRoles"));

        response.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.ErrorCode.Should().Be("MethodNotAllowed");
        response.Value("RequestId").Should().NotBeNullOrEmpty();
    }
}
