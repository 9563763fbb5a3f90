using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.ContainerCredentials;

/// <summary>What a test needs to bind tokens and fetch credentials as an SDK does (GET with the raw token as Authorization).</summary>
public sealed class ContainerCredentialsClient(EmulatorFactory factory)
{
    public Task<AdminReply> RegisterAsync(object body) =>
        AdminRequest.Post("/_emulator/container-credentials", System.Text.Json.JsonSerializer.Serialize(body)).SendAsync(factory.CreateClient());

    public Task<AdminReply> RegisterRawAsync(string body, string? contentType = "application/json") =>
        (AdminRequest.Post("/_emulator/container-credentials", body) with { ContentType = contentType }).SendAsync(factory.CreateClient());

    /// <summary>GET /v1/credentials with <paramref name="authorization"/> as the header, verbatim (null sends none).</summary>
    public async Task<AdminReply> FetchAsync(string? authorization, string path = "/v1/credentials")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await factory.CreateClient().SendAsync(request);
        return await AdminReply.ReadAsync(response);
    }

    /// <summary>An STS client signed with the credentials of a 200 answer.</summary>
    public IamTestClient Signed(AdminReply credentials, string service = "sts")
    {
        var json = credentials.Json;
        return new IamTestClient(factory.CreateClient(), json.GetProperty("AccessKeyId").GetString()!, json.GetProperty("SecretAccessKey").GetString()!)
        {
            Service = service,
            SessionToken = json.GetProperty("Token").GetString(),
        };
    }

    public Task<AdminReply> MoveClockAsync(int offsetSeconds) =>
        AdminRequest.Post("/_emulator/clock", $"{{\"offsetSeconds\": {offsetSeconds}}}").SendAsync(factory.CreateClient());
}
