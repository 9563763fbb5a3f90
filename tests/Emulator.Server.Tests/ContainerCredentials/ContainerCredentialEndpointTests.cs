using System.Net;
using System.Text.Json;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.ContainerCredentials;

/// <summary>GET /v1/credentials and /v2/credentials/{id}: the answer's shape, the error shapes, and what the credentials are.</summary>
public sealed class ContainerCredentialEndpointTests : IClassFixture<ContainerCredentialEndpointTests.Factory>
{
    private readonly Factory factory;
    private readonly ContainerCredentialsClient client;

    public ContainerCredentialEndpointTests(Factory factory)
    {
        this.factory = factory;
        client = new ContainerCredentialsClient(factory);
    }

    public sealed class Factory() : EmulatorFactory(ContainerSeed.Json);

    [Fact]
    public async Task A_registered_token_gets_exactly_the_EKS_Pod_Identity_shape()
    {
        (await client.RegisterAsync(new { token = "shape-token", roleArn = ContainerSeed.RoleArn("ecs-app") })).Status.Should().Be(HttpStatusCode.Created);

        var reply = await client.FetchAsync("shape-token");

        reply.Status.Should().Be(HttpStatusCode.OK);
        reply.ContentType.Should().Be("application/json");
        var json = reply.Json;
        json.EnumerateObject().Select(p => p.Name).Should().Equal("AccessKeyId", "SecretAccessKey", "Token", "AccountId", "Expiration");
        json.GetProperty("AccessKeyId").GetString().Should().MatchRegex("^ASIA[A-Z2-7]{16}$");
        json.GetProperty("SecretAccessKey").GetString().Should().HaveLength(40);
        json.GetProperty("Token").GetString().Should().NotBeNullOrEmpty();
        json.GetProperty("AccountId").GetString().Should().Be(ContainerSeed.AccountId);
        var expiration = json.GetProperty("Expiration").GetString()!;
        expiration.Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
        DateTimeOffset.Parse(expiration, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(385), TimeSpan.FromMinutes(2), "a set lives 385 minutes from its issue time");
    }

    [Fact]
    public async Task The_credentials_sign_calls_as_the_roles_session_with_the_given_session_name()
    {
        await client.RegisterAsync(new { token = "named-token", roleArn = ContainerSeed.RoleArn("ecs-app"), sessionName = "checkout-task" });

        var identity = await client.Signed(await client.FetchAsync("named-token")).Call("GetCallerIdentity");

        identity.Status.Should().Be(HttpStatusCode.OK, identity.Body);
        identity.Value("Arn").Should().Be("arn:aws:sts::123456789012:assumed-role/ecs-app/checkout-task");
        identity.Value("UserId").Should().MatchRegex("^AROA[A-Z2-7]{17}:checkout-task$");
        identity.Value("Account").Should().Be(ContainerSeed.AccountId);
    }

    [Fact]
    public async Task Without_a_session_name_the_session_is_named_from_the_tokens_hash()
    {
        var registered = await client.RegisterAsync(new { token = "unnamed-token", roleArn = ContainerSeed.RoleArn("ecs-app") });

        var identity = await client.Signed(await client.FetchAsync("unnamed-token")).Call("GetCallerIdentity");

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("unnamed-token"u8.ToArray()));
        registered.Json.GetProperty("sessionName").GetString().Should().Be($"container-{hash[..16]}");
        identity.Value("Arn").Should().Be($"arn:aws:sts::123456789012:assumed-role/ecs-app/container-{hash[..16]}");
    }

    [Fact]
    public async Task A_seeded_binding_serves_its_role()
    {
        var identity = await client.Signed(await client.FetchAsync(ContainerSeed.SeededToken)).Call("GetCallerIdentity");

        identity.Value("Arn").Should().Be("arn:aws:sts::123456789012:assumed-role/ecs-app/seeded-task");
    }

    [Fact]
    public async Task The_ECS_path_takes_the_token_as_the_credentials_id()
    {
        await client.RegisterAsync(new { token = "ecs-path-token", roleArn = ContainerSeed.RoleArn("ecs-app"), sessionName = "ecs-path" });

        var viaPath = await client.FetchAsync(null, "/v2/credentials/ecs-path-token");
        var viaHeader = await client.FetchAsync("ecs-path-token");

        viaPath.Status.Should().Be(HttpStatusCode.OK);
        viaPath.Json.GetProperty("AccessKeyId").GetString().Should().Be(viaHeader.Json.GetProperty("AccessKeyId").GetString(), "one token is one holder whichever path it comes by");
    }

    [Theory]
    [InlineData(null, "/v1/credentials")]
    [InlineData("", "/v1/credentials")]
    [InlineData(null, "/v2/credentials")]
    [InlineData(null, "/v2/credentials/")]
    public async Task No_token_is_400_NoIdInRequest_in_the_ECS_agents_shape(string? authorization, string path)
    {
        var reply = await client.FetchAsync(authorization, path);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.ContentType.Should().Be("application/json");
        reply.Body.Should().Be("""{"code":"NoIdInRequest","message":"CredentialsV2Request: No Credential ID in the request","HTTPErrorCode":400}""");
    }

    [Theory]
    [InlineData("never-registered", "/v1/credentials")]
    [InlineData("Bearer seeded-token-0001", "/v1/credentials")]
    [InlineData(null, "/v2/credentials/never-registered")]
    public async Task An_unknown_token_is_400_InvalidIdInRequest_in_the_ECS_agents_shape(string? authorization, string path)
    {
        var reply = await client.FetchAsync(authorization, path);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Body.Should().Be("""{"code":"InvalidIdInRequest","message":"CredentialsV2Request: Credentials not found","HTTPErrorCode":400}""");
    }

    [Fact]
    public async Task Session_tags_become_principal_tags_that_policies_read()
    {
        await client.RegisterAsync(new { token = "prod-pod", roleArn = ContainerSeed.RoleArn("eks-app"), sessionName = "prod-pod", sessionTags = ContainerSeed.EksTags("prod") });
        await client.RegisterAsync(new { token = "dev-pod", roleArn = ContainerSeed.RoleArn("eks-app"), sessionName = "dev-pod", sessionTags = ContainerSeed.EksTags("dev") });

        var prod = await client.Signed(await client.FetchAsync("prod-pod"), "iam").Call("GetRole", ("RoleName", "ecs-app"));
        var dev = await client.Signed(await client.FetchAsync("dev-pod"), "iam").Call("GetRole", ("RoleName", "ecs-app"));

        prod.Status.Should().Be(HttpStatusCode.OK, "the session tag kubernetes-namespace=prod overrides the role's tag of that key: {0}", prod.Body);
        dev.Status.Should().Be(HttpStatusCode.Forbidden);
        dev.ErrorCode.Should().Be("AccessDenied");
        dev.ErrorMessage.Should().StartWith("User: arn:aws:sts::123456789012:assumed-role/eks-app/dev-pod is not authorized to perform: iam:GetRole");
    }

    [Fact]
    public async Task A_token_whose_role_was_deleted_is_InvalidIdInRequest()
    {
        var root = factory.Iam();
        await root.Call("CreateRole", ("RoleName", "short-lived"),
            ("AssumeRolePolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));
        await client.RegisterAsync(new { token = "orphan-token", roleArn = ContainerSeed.RoleArn("short-lived") });
        (await client.FetchAsync("orphan-token")).Status.Should().Be(HttpStatusCode.OK);

        (await root.Call("DeleteRole", ("RoleName", "short-lived"))).Status.Should().Be(HttpStatusCode.OK);
        var reply = await client.FetchAsync("orphan-token");

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Json.GetProperty("code").GetString().Should().Be("InvalidIdInRequest");
    }

    [Fact]
    public async Task Registering_a_token_again_replaces_its_binding_with_200()
    {
        (await client.RegisterAsync(new { token = "moving-token", roleArn = ContainerSeed.RoleArn("ecs-app"), sessionName = "first" })).Status.Should().Be(HttpStatusCode.Created);
        var before = await client.FetchAsync("moving-token");

        var again = await client.RegisterAsync(new { token = "moving-token", roleArn = ContainerSeed.RoleArn("eks-untaggable"), sessionName = "second" });
        var identity = await client.Signed(await client.FetchAsync("moving-token")).Call("GetCallerIdentity");

        again.Status.Should().Be(HttpStatusCode.OK);
        identity.Value("Arn").Should().Be("arn:aws:sts::123456789012:assumed-role/eks-untaggable/second");
        (await client.Signed(before).Call("GetCallerIdentity")).Value("Arn").Should().Be("arn:aws:sts::123456789012:assumed-role/ecs-app/first",
            "credentials already handed out stay valid until their own expiry");
    }

    [Fact]
    public async Task Deleting_a_binding_makes_its_token_unknown()
    {
        await client.RegisterAsync(new { token = "doomed-token", roleArn = ContainerSeed.RoleArn("ecs-app") });

        var deleted = await new AdminRequest(HttpMethod.Delete, "/_emulator/container-credentials/doomed-token").SendAsync(factory.CreateClient());
        var again = await new AdminRequest(HttpMethod.Delete, "/_emulator/container-credentials/doomed-token").SendAsync(factory.CreateClient());

        deleted.Status.Should().Be(HttpStatusCode.NoContent);
        again.Status.Should().Be(HttpStatusCode.NotFound);
        again.Error.Should().Be("No binding has this token.");
        (await client.FetchAsync("doomed-token")).Json.GetProperty("code").GetString().Should().Be("InvalidIdInRequest");
    }

    [Fact]
    public async Task The_registration_answer_echoes_the_binding_but_never_the_token()
    {
        const string token = "echo-secret-token-4711";

        var registered = await client.RegisterAsync(new { token, roleArn = ContainerSeed.RoleArn("eks-app"), sessionName = "echo", sessionTags = new { team = "red" } });

        registered.Status.Should().Be(HttpStatusCode.Created);
        registered.Body.Should().NotContain(token);
        var json = registered.Json;
        json.EnumerateObject().Select(p => p.Name).Should().Equal("roleArn", "sessionName", "sessionTags", "registeredAt", "fullUri");
        json.GetProperty("roleArn").GetString().Should().Be(ContainerSeed.RoleArn("eks-app"));
        json.GetProperty("sessionName").GetString().Should().Be("echo");
        json.GetProperty("sessionTags").GetProperty("team").GetString().Should().Be("red");
        json.GetProperty("fullUri").GetString().Should().Be("http://localhost/v1/credentials");
    }
}
