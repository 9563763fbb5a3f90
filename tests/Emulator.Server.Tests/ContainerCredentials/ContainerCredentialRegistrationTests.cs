using System.Net;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.ContainerCredentials;

/// <summary>POST /_emulator/container-credentials: every refusal is a 400 (or the guard's 415) that says what to change, and binds nothing.</summary>
public sealed class ContainerCredentialRegistrationTests : IClassFixture<ContainerCredentialRegistrationTests.Factory>
{
    private readonly ContainerCredentialsClient client;

    public ContainerCredentialRegistrationTests(Factory factory) => client = new ContainerCredentialsClient(factory);

    public sealed class Factory() : EmulatorFactory(ContainerSeed.Json);

    public static TheoryData<string, string> Refusals => new()
    {
        { """{"roleArn":"arn:aws:iam::123456789012:role/ecs-app"}""", "token is required: the value clients send as the Authorization header." },
        { """{"token":"","roleArn":"arn:aws:iam::123456789012:role/ecs-app"}""", "token is required: the value clients send as the Authorization header." },
        { """{"token":"bad\ntoken","roleArn":"arn:aws:iam::123456789012:role/ecs-app"}""", "token must not contain CR or LF: SDKs refuse to send such a header value (a token file must not end with a newline for botocore and the JS SDK)." },
        { """{"token":"bad\rtoken","roleArn":"arn:aws:iam::123456789012:role/ecs-app"}""", "token must not contain CR or LF: SDKs refuse to send such a header value (a token file must not end with a newline for botocore and the JS SDK)." },
        { $$"""{"token":"{{new string('t', 4097)}}","roleArn":"arn:aws:iam::123456789012:role/ecs-app"}""", "token must be at most 4096 characters, not 4097." },
        { """{"token":"no-role"}""", "roleArn is required, like arn:aws:iam::123456789012:role/app." },
        { """{"token":"unknown-role","roleArn":"arn:aws:iam::123456789012:role/nobody"}""", "roleArn arn:aws:iam::123456789012:role/nobody names no role of this emulator (the ARN must match the role's path and name exactly)." },
        { """{"token":"wrong-path","roleArn":"arn:aws:iam::123456789012:role/team/ecs-app"}""", "roleArn arn:aws:iam::123456789012:role/team/ecs-app names no role of this emulator (the ARN must match the role's path and name exactly)." },
        { """{"token":"untrusted","roleArn":"arn:aws:iam::123456789012:role/ec2-app"}""", "Role arn:aws:iam::123456789012:role/ec2-app is not trusted by a container service: its trust policy must allow sts:AssumeRole to the service principal ecs-tasks.amazonaws.com (ECS task role) or pods.eks.amazonaws.com (EKS Pod Identity)." },
        { """{"token":"ecs-tags","roleArn":"arn:aws:iam::123456789012:role/ecs-app","sessionTags":{"team":"blue"}}""", "Role arn:aws:iam::123456789012:role/ecs-app cannot receive session tags from a container: its trust policy must allow the service principal pods.eks.amazonaws.com both sts:AssumeRole and sts:TagSession (as EKS Pod Identity requires)." },
        { """{"token":"no-tagsession","roleArn":"arn:aws:iam::123456789012:role/eks-untaggable","sessionTags":{"team":"blue"}}""", "Role arn:aws:iam::123456789012:role/eks-untaggable cannot receive session tags from a container: its trust policy must allow the service principal pods.eks.amazonaws.com both sts:AssumeRole and sts:TagSession (as EKS Pod Identity requires)." },
        { """{"token":"aws-tag","roleArn":"arn:aws:iam::123456789012:role/eks-app","sessionTags":{"aws:team":"blue"}}""", "sessionTags: User-defined tag keys can't start with aws:. This prefix is reserved for AWS tags." },
        { """{"token":"dup-tag","roleArn":"arn:aws:iam::123456789012:role/eks-app","sessionTags":{"Team":"blue","team":"red"}}""", "sessionTags: Duplicate tag keys found. Please note that Tag keys are case insensitive." },
        { """{"token":"bad-name","roleArn":"arn:aws:iam::123456789012:role/ecs-app","sessionName":"has space"}""", "sessionName must be 2 to 64 characters of letters, digits and +=,.@_- (a role session name), not 'has space'." },
        { """{"token":"short-name","roleArn":"arn:aws:iam::123456789012:role/ecs-app","sessionName":"a"}""", "sessionName must be 2 to 64 characters of letters, digits and +=,.@_- (a role session name), not 'a'." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_registration_is_400_with_the_reason_and_binds_nothing(string body, string error)
    {
        var reply = await client.RegisterRawAsync(body);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Error.Should().Be(error);
        var token = System.Text.Json.JsonDocument.Parse(body).RootElement.TryGetProperty("token", out var t) ? t.GetString() : null;
        if (!string.IsNullOrEmpty(token) && !token.Contains('\n') && !token.Contains('\r'))
        {
            (await client.FetchAsync(token)).Json.GetProperty("code").GetString().Should().Be("InvalidIdInRequest");
        }
    }

    [Fact]
    public async Task Too_many_session_tags_is_400()
    {
        var tags = Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", i => "v");

        var reply = await client.RegisterAsync(new { token = "many-tags", roleArn = ContainerSeed.RoleArn("eks-app"), sessionTags = tags });

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Error.Should().Be("sessionTags: 1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50");
    }

    [Theory]
    [InlineData("{\"token\":", "The body could not be read")]
    [InlineData("[]", "The body could not be read")]
    [InlineData("""{"token":"t","roleArn":"arn:aws:iam::123456789012:role/ecs-app","sessionTag":{"a":"b"}}""", "The body could not be read")]
    [InlineData("""{"token":"t","roleArn":"arn:aws:iam::123456789012:role/eks-app","sessionTags":{"a":1}}""", "The body could not be read")]
    [InlineData("""{"token":7,"roleArn":"arn:aws:iam::123456789012:role/ecs-app"}""", "The body could not be read")]
    [InlineData("null", "Give {\"token\"")]
    public async Task A_body_that_is_not_the_requests_JSON_is_400_with_the_usage(string body, string errorPart)
    {
        var reply = await client.RegisterRawAsync(body);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Error.Should().StartWith("Give {\"token\": \"...\", \"roleArn\": \"arn:aws:iam::123456789012:role/app\"}").And.Contain(errorPart);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task A_registration_that_is_not_application_json_is_415(string? contentType)
    {
        var reply = await client.RegisterRawAsync("""{"token":"form-token","roleArn":"arn:aws:iam::123456789012:role/ecs-app"}""", contentType);

        reply.Status.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await client.FetchAsync("form-token")).Json.GetProperty("code").GetString().Should().Be("InvalidIdInRequest");
    }

    [Fact]
    public async Task A_role_trusting_EKS_Pod_Identity_may_be_bound_without_tags()
    {
        var reply = await client.RegisterAsync(new { token = "eks-plain", roleArn = ContainerSeed.RoleArn("eks-untaggable") });

        reply.Status.Should().Be(HttpStatusCode.Created);
        reply.Json.GetProperty("sessionTags").EnumerateObject().Should().BeEmpty();
    }
}
