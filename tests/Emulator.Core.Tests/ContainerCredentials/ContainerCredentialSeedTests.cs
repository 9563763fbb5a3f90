using Emulator.Core.ContainerCredentials;
using Emulator.Core.Seeding;

namespace Emulator.Core.Tests.ContainerCredentials;

/// <summary>The seed file's containerCredentials: bound like the admin API binds, every error naming its field.</summary>
public sealed class ContainerCredentialSeedTests
{
    private const string Account = """
        {"id":"111111111111","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAA1","rootSecretAccessKey":"s",
         "roles":[{"RoleName":"task","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}},
                  {"RoleName":"pod","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"pods.eks.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]}]}},
                  {"RoleName":"vm","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}}]}
        """;

    private static string Seed(string containerCredentials) => $$"""{"accounts":[{{Account}}],"containerCredentials":{{containerCredentials}}}""";

    private static string ErrorOf(string seed) =>
        FluentActions.Invoking(() => new IamFixture(seed)).Should().Throw<SeedException>().Which.Message;

    [Fact]
    public void Seeded_bindings_are_kept_by_token_hash_with_their_session_name_and_tags()
    {
        var fixture = new IamFixture(Seed("""
            [{"token":"task-token","roleArn":"arn:aws:iam::111111111111:role/task","sessionName":"checkout"},
             {"token":"pod-token","roleArn":"arn:aws:iam::111111111111:role/pod","sessionTags":{"kubernetes-namespace":"prod","kubernetes-pod-name":"web-1"}}]
            """));

        var registry = new ContainerCredentialRegistry(fixture.Iam.Context);
        var (task, _) = registry.Find("task-token")!.Value;
        var (pod, role) = registry.Find("pod-token")!.Value;

        task.SessionName.Should().Be("checkout");
        task.RoleArn.Should().Be("arn:aws:iam::111111111111:role/task");
        pod.SessionName.Should().Be($"container-{ContainerCredentialRegistry.Hash("pod-token")[..16]}");
        pod.SessionTags.Select(t => $"{t.Key}={t.Value}").Should().Equal("kubernetes-namespace=prod", "kubernetes-pod-name=web-1");
        role.RoleName.Should().Be("pod");
        fixture.Store.Read(s => s.ContainerCredentials.Keys.ToList()).Should().NotContain(["task-token", "pod-token"], "the state keeps hashes, not tokens");
        registry.Find("other-token").Should().BeNull();
    }

    [Theory]
    [InlineData("""[{"token":"t","roleArn":"arn:aws:iam::111111111111:role/task","extra":1}]""", "containerCredentials[0].extra: unknown field (expected one of token, roleArn, sessionName, sessionTags).")]
    [InlineData("""[{"roleArn":"arn:aws:iam::111111111111:role/task"}]""", "containerCredentials[0].token: required field is missing.")]
    [InlineData("""[{"token":"t"}]""", "containerCredentials[0].roleArn: required field is missing.")]
    [InlineData("""[{"token":"t","roleArn":"arn:aws:iam::111111111111:role/vm"}]""", "containerCredentials[0]: Role arn:aws:iam::111111111111:role/vm is not trusted by a container service: its trust policy must allow sts:AssumeRole to the service principal ecs-tasks.amazonaws.com (ECS task role) or pods.eks.amazonaws.com (EKS Pod Identity).")]
    [InlineData("""[{"token":"t","roleArn":"arn:aws:iam::111111111111:role/none"}]""", "containerCredentials[0]: roleArn arn:aws:iam::111111111111:role/none names no role of this emulator (the ARN must match the role's path and name exactly).")]
    [InlineData("""[{"token":"t","roleArn":"arn:aws:iam::111111111111:role/pod","sessionTags":{"a":1}}]""", "containerCredentials[0].sessionTags.a: expected a string.")]
    [InlineData("""[{"token":"t","roleArn":"arn:aws:iam::111111111111:role/pod","sessionTags":["a"]}]""", "containerCredentials[0].sessionTags: expected an object of strings.")]
    [InlineData("""[{"token":"t\n","roleArn":"arn:aws:iam::111111111111:role/task"}]""", "containerCredentials[0]: token must not contain CR or LF: SDKs refuse to send such a header value (a token file must not end with a newline for botocore and the JS SDK).")]
    [InlineData("""[{"token":"t","roleArn":"arn:aws:iam::111111111111:role/task"},{"token":"t","roleArn":"arn:aws:iam::111111111111:role/pod"}]""", "containerCredentials[1].token: this token is bound twice; each token names one role.")]
    [InlineData("""{"token":"t"}""", "containerCredentials: expected an array.")]
    public void A_bad_binding_stops_the_seed_naming_its_field(string containerCredentials, string error)
    {
        ErrorOf(Seed(containerCredentials)).Should().Be(error);
    }
}
