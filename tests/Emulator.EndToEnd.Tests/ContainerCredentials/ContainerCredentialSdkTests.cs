using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.ContainerCredentials;

/// <summary>
/// Each SDK's default credential chain pointed at the container endpoint with AWS_CONTAINER_CREDENTIALS_FULL_URI
/// and a token: botocore (boto3 and the AWS CLI v1), the JS SDK v3 and the .NET SDK v4 sign as the bound
/// role's session; a wrong token fails in each SDK's own words (container-credentials.md §5).
/// </summary>
[Collection(ContainerEmulatorCollection.Name)]
public sealed class ContainerCredentialSdkTests(ContainerEmulator emulator)
{
    private const string CallerIdentity = """emit(client("sts").get_caller_identity())""";

    [Fact]
    public async Task Boto3_with_a_token_signs_as_the_roles_session()
    {
        await emulator.RegisterAsync("boto3-token", "task-role", "boto3-task");

        var result = await Boto3().RunAsync(CallerIdentity, null, emulator.WithToken("boto3-token"), null);

        result.ShouldSucceed().Json.GetProperty("Arn").GetString().Should().Be("arn:aws:sts::123456789012:assumed-role/task-role/boto3-task");
    }

    [Fact]
    public async Task Boto3_with_a_token_file_signs_as_the_roles_session()
    {
        await emulator.RegisterAsync("boto3-file-token", "task-role", "boto3-file");
        using var scratch = new ScratchDirectory();
        // No trailing newline: botocore refuses a header value ending in one (container-credentials.md §2).
        var tokenFile = scratch.Write("token", "boto3-file-token");

        var result = await Boto3().RunAsync(CallerIdentity, null, new Dictionary<string, string>
        {
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = emulator.FullUri,
            ["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] = tokenFile,
            ["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = "ignored-when-the-file-is-set",
        }, null);

        result.ShouldSucceed().Json.GetProperty("Arn").GetString().Should().Be("arn:aws:sts::123456789012:assumed-role/task-role/boto3-file");
    }

    [Fact]
    public async Task The_AWS_CLI_with_a_token_signs_as_the_roles_session()
    {
        await emulator.RegisterAsync("cli-token", "task-role", "cli-task");

        var result = await Cli(emulator.WithToken("cli-token"), "sts", "get-caller-identity");

        result.ShouldSucceed().Json.GetProperty("Arn").GetString().Should().Be("arn:aws:sts::123456789012:assumed-role/task-role/cli-task");
    }

    [Fact]
    public async Task The_JS_SDK_default_chain_with_a_token_signs_as_the_roles_session()
    {
        await emulator.RegisterAsync("js-token", "task-role", "js-task");

        var result = await JsSdk.RunAsync("caller-identity.mjs", [emulator.Url], emulator.Url, emulator.WithToken("js-token"));

        var identity = result.ShouldSucceed().Json;
        identity.GetProperty("Arn").GetString().Should().Be("arn:aws:sts::123456789012:assumed-role/task-role/js-task");
        identity.GetProperty("AccessKeyId").GetString().Should().StartWith("ASIA");
    }

    [Fact]
    public async Task The_dotnet_SDK_default_chain_with_a_token_signs_as_the_roles_session()
    {
        await emulator.RegisterAsync("dotnet-token", "task-role", "dotnet-task");

        var result = await DotnetSdkClient.GetCallerIdentityAsync(emulator.Url, emulator.WithToken("dotnet-token"));

        var identity = result.ShouldSucceed().Json;
        identity.GetProperty("Arn").GetString().Should().Be("arn:aws:sts::123456789012:assumed-role/task-role/dotnet-task");
        identity.GetProperty("Account").GetString().Should().Be("123456789012");
        identity.GetProperty("UserId").GetString().Should().EndWith(":dotnet-task");
    }

    [Fact]
    public async Task EKS_Pod_Identity_session_tags_reach_policies_as_principal_tags()
    {
        await emulator.RegisterAsync("prod-pod-token", "pod-role", "prod-pod", EksTags("prod"));
        await emulator.RegisterAsync("dev-pod-token", "pod-role", "dev-pod", EksTags("dev"));
        const string getRole = """emit(error_of(client("iam").get_role, RoleName="task-role"))""";

        var prod = await Boto3().RunAsync(getRole, null, emulator.WithToken("prod-pod-token"), null);
        var dev = await Boto3().RunAsync(getRole, null, emulator.WithToken("dev-pod-token"), null);

        prod.ShouldSucceed().Stdout.Trim().Should().Be("null", "the pod in prod may read roles");
        var denied = dev.ShouldSucceed().Json;
        denied.GetProperty("Code").GetString().Should().Be("AccessDenied");
        denied.GetProperty("Message").GetString().Should().StartWith("User: arn:aws:sts::123456789012:assumed-role/pod-role/dev-pod is not authorized to perform: iam:GetRole");
    }

    [Fact]
    public async Task A_wrong_token_fails_in_every_SDK_with_its_own_error()
    {
        var variables = emulator.WithToken("never-registered-token");

        var boto3 = await Boto3().RunAsync(CallerIdentity, null, variables, null);
        var cli = await Cli(variables, "sts", "get-caller-identity");
        var js = await JsSdk.RunAsync("caller-identity.mjs", [emulator.Url], emulator.Url, variables);
        var dotnet = await DotnetSdkClient.GetCallerIdentityAsync(emulator.Url, variables);

        const string ecsBody = """{"code":"InvalidIdInRequest","message":"CredentialsV2Request: Credentials not found","HTTPErrorCode":400}""";
        boto3.ExitCode.Should().NotBe(0);
        boto3.Stderr.Should().Contain("botocore.exceptions.CredentialRetrievalError")
            .And.Contain($"Received non 200 response 400 from container metadata: {ecsBody}");
        cli.ExitCode.Should().NotBe(0);
        cli.Stderr.Should().Contain($"Error when retrieving credentials from container-role: Error retrieving metadata: Received non 200 response 400 from container metadata: {ecsBody}");
        js.ExitCode.Should().Be(1);
        js.Stderr.Should().Contain("CredentialsProviderError: Could not load credentials from any providers");
        dotnet.ExitCode.Should().Be(1);
        dotnet.Stderr.Should().Contain("Amazon.Runtime.AmazonServiceException: Unable to retrieve credentials. Message = \"Response status code does not indicate success: 400 (Bad Request).\"");
    }

    [Fact]
    public async Task The_servers_log_never_contains_a_token()
    {
        const string token = "log-check-token-8f3a2c";
        await emulator.RegisterAsync(token, "task-role", "log-check");
        (await Boto3().RunAsync(CallerIdentity, null, emulator.WithToken(token), null)).ShouldSucceed();
        using var unknown = await emulator.Http.GetAsync($"{emulator.Url}/v2/credentials/{token}-unknown");

        emulator.Output.Should().NotContain(token);
        emulator.StandardOutputLines.Should().Contain(line => line.Contains("Container credentials /v1/credentials for arn:aws:sts::123456789012:assumed-role/task-role/log-check", StringComparison.Ordinal));
    }

    private Boto3 Boto3() => new(emulator.Url, null);

    private Task<CommandResult> Cli(IReadOnlyDictionary<string, string> variables, params string[] arguments) =>
        ProcessRunner.RunAsync("aws", new[] { "--endpoint-url", emulator.Url, "--output", "json" }.Concat(arguments),
            environment => IsolatedAwsEnvironment.ApplyWithoutKeys(environment, emulator.Url, variables));

    private static Dictionary<string, string> EksTags(string @namespace) => new()
    {
        ["eks-cluster-arn"] = "arn:aws:eks:us-east-1:123456789012:cluster/main",
        ["eks-cluster-name"] = "main",
        ["kubernetes-namespace"] = @namespace,
        ["kubernetes-service-account"] = "app",
        ["kubernetes-pod-name"] = $"app-{@namespace}-7d9f8b6c5-x2x9q",
        ["kubernetes-pod-uid"] = "0c4b9e3e-62f4-4c39-9a0b-3f7c1d2e9a11",
    };
}
