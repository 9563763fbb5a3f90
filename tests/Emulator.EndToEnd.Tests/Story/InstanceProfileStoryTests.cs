using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Story;

/// <summary>
/// The seed documents' story with real clients: an application on an instance launched with profile abcd gets
/// the role's credentials from IMDS through each SDK's own provider (boto3, the AWS CLI, the JS SDK v3 through its
/// instance port, the .NET SDK through its path), is assumed-role/abcd/i-…, switches to efgh in the other account
/// with <c>credential_source = Ec2InstanceMetadata</c>, and sees what IMDS serves change with each association call.
/// </summary>
[Collection(StoryEmulatorCollection.Name)]
public sealed class InstanceProfileStoryTests(StoryEmulator emulator) : IAsyncLifetime
{
    private const string EfghProfile = """
        [profile efgh]
        role_arn = arn:aws:iam::222222222222:role/efgh
        credential_source = Ec2InstanceMetadata
        region = us-east-1
        """;

    public async Task InitializeAsync() => await emulator.MoveClockAsync("""{"reset": true}""");

    public async Task DisposeAsync() => await emulator.MoveClockAsync("""{"reset": true}""");

    private Task<CommandResult> Python(string script, Dictionary<string, string> variables, FakeClock? clock = null, IReadOnlyDictionary<string, string>? arguments = null) =>
        new Boto3(emulator.Url, null).RunAsync(script, arguments, variables, clock);

    [Fact]
    public async Task Every_SDK_on_the_instance_is_assumed_role_abcd_and_the_CLI_and_boto3_switch_to_efgh_with_Ec2InstanceMetadata()
    {
        var instance = await emulator.LaunchAsync("abcd");
        var id = instance.Text("instanceId");
        var abcd = $"arn:aws:sts::111111111111:assumed-role/abcd/{id}";
        using var home = new ScratchDirectory();
        var config = Path.Combine(home.Path, "config");
        await File.WriteAllTextAsync(config, EfghProfile);
        var onInstance = emulator.OnInstance(instance.Text("imdsEndpoint"));
        var withProfile = new Dictionary<string, string>(onInstance) { ["AWS_CONFIG_FILE"] = config, ["AWS_ENDPOINT_URL"] = emulator.Url, ["HOME"] = home.Path };

        var boto3 = (await Python("""
            session = boto3.session.Session(region_name="us-east-1")
            emit({"method": session.get_credentials().method, "arn": client("sts").get_caller_identity()["Arn"]})
            """, onInstance)).ShouldSucceed().Json;
        var cli = (await ProcessRunner.RunAsync("aws", ["sts", "get-caller-identity", "--endpoint-url", emulator.Url, "--output", "json"],
            environment => IsolatedAwsEnvironment.ApplyWithoutKeys(environment, emulator.Url, onInstance))).ShouldSucceed().Json;
        var js = (await JsSdk.RunAsync("instance-role.mjs", [emulator.Url, id], emulator.Url,
            emulator.OnInstance(instance.Text("imdsPortEndpoint")))).ShouldSucceed().Json;
        var dotnet = (await DotnetSdkClient.GetCallerIdentityAsync(emulator.Url, onInstance, id)).ShouldSucceed().Json;
        var cliEfgh = (await ProcessRunner.RunAsync("aws", ["sts", "get-caller-identity", "--profile", "efgh", "--endpoint-url", emulator.Url, "--output", "json"],
            environment => IsolatedAwsEnvironment.ApplyWithoutKeys(environment, emulator.Url, withProfile))).ShouldSucceed().Json;
        var boto3Efgh = (await Python("""
            session = boto3.session.Session(profile_name="efgh")
            emit(session.client("sts", endpoint_url=ENDPOINT).get_caller_identity()["Arn"])
            """, withProfile)).ShouldSucceed().Json;

        boto3.Text("method").Should().Be("iam-role");
        boto3.Text("arn").Should().Be(abcd);
        cli.Text("Arn").Should().Be(abcd);
        cli.Text("Account").Should().Be("111111111111");
        js.Text("Arn").Should().Be(abcd);
        js.Text("InstanceProfileArn").Should().Be("arn:aws:iam::111111111111:instance-profile/abcd");
        dotnet.Text("Arn").Should().Be(abcd);
        dotnet.Text("InstanceProfileArn").Should().Be("arn:aws:iam::111111111111:instance-profile/abcd");
        cliEfgh.Text("Arn").Should().StartWith("arn:aws:sts::222222222222:assumed-role/efgh/");
        cliEfgh.Text("Account").Should().Be("222222222222");
        boto3Efgh.GetString().Should().StartWith("arn:aws:sts::222222222222:assumed-role/efgh/");
    }

    [Fact]
    public async Task Credentials_read_without_a_token_carry_RoleDelivery_1_0_and_a_policy_can_refuse_them()
    {
        var instance = await emulator.LaunchAsync("abcd");
        var endpoint = instance.Text("imdsEndpoint");
        var script = """
            import urllib.request
            def fetch(token):
                headers = {} if token is None else {"X-aws-ec2-metadata-token": token}
                url = arg("IMDS") + "/latest/meta-data/iam/security-credentials/abcd"
                return json.loads(urllib.request.urlopen(urllib.request.Request(url, headers=headers)).read())
            token = urllib.request.urlopen(urllib.request.Request(arg("IMDS") + "/latest/api/token", method="PUT",
                headers={"X-aws-ec2-metadata-token-ttl-seconds": "300"})).read().decode()
            result = {}
            for name, creds in (("v1", fetch(None)), ("v2", fetch(token))):
                ec2 = boto3.session.Session().client("ec2", endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id=creds["AccessKeyId"],
                    aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["Token"])
                result[name] = {"key": creds["AccessKeyId"], "error": error_of(ec2.describe_instances, InstanceIds=[arg("ID")])}
            emit(result)
            """;

        var result = (await Python(script, [], arguments: new Dictionary<string, string> { ["IMDS"] = endpoint, ["ID"] = instance.Text("instanceId") })).ShouldSucceed().Json;

        result.Text("v1", "key").Should().NotBe(result.Text("v2", "key"));
        result.Text("v1", "error", "Code").Should().Be("UnauthorizedOperation");
        result.Text("v1", "error", "Message").Should().Contain("with an explicit deny in an identity-based policy");
        result.At("v2", "error").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task What_IMDS_serves_follows_replace_disassociate_and_associate()
    {
        var instance = await emulator.LaunchAsync("abcd");
        var id = instance.Text("instanceId");
        var root = emulator.Cli(StoryEmulator.Root);
        var http = emulator.Http;
        var listing = $"{instance.Text("imdsEndpoint")}/latest/meta-data/iam/security-credentials/";
        async Task<string> Served()
        {
            using var response = await http.GetAsync(listing);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : $"{(int)response.StatusCode}";
        }

        var initial = await Served();
        var association = (await root.RunAsync("ec2", "describe-iam-instance-profile-associations", "--filters", $"Name=instance-id,Values={id}"))
            .ShouldSucceed().Json.Text("IamInstanceProfileAssociations", 0, "AssociationId");
        var replaced = (await root.RunAsync("ec2", "replace-iam-instance-profile-association", "--association-id", association, "--iam-instance-profile", "Name=other"))
            .ShouldSucceed().Json.Text("IamInstanceProfileAssociation", "AssociationId");
        var afterReplace = await Served();
        (await root.RunAsync("ec2", "disassociate-iam-instance-profile", "--association-id", replaced)).ShouldSucceed();
        var afterDisassociate = await Served();
        (await root.RunAsync("ec2", "associate-iam-instance-profile", "--instance-id", id, "--iam-instance-profile", "Name=abcd")).ShouldSucceed();
        var afterAssociate = await Served();

        initial.Should().Be("abcd");
        afterReplace.Should().Be("other");
        afterDisassociate.Should().Be("404");
        afterAssociate.Should().Be("abcd");
    }

    [Fact]
    public async Task Boto3_on_the_instance_under_a_moved_clock_refreshes_through_IMDS_across_twelve_hours_without_a_failed_call()
    {
        var instance = await emulator.LaunchAsync("abcd");
        using var clock = new FakeClock();
        // Offsets from launch: the first set (385 minutes) is kept at 2 h and 4 h; 10 minutes before it expires botocore
        // must refresh and gets the set issued at 6 h; at 12 h 20 min the second set has 5 minutes left: refreshed again.
        int[] steps = [0, 7200, 14400, 22500, 28800, 44400];

        var result = await Python(ClockSteps.Boto3Script, emulator.OnInstance(instance.Text("imdsEndpoint")), clock,
            new Dictionary<string, string> { ["STEPS"] = System.Text.Json.JsonSerializer.Serialize(steps), ["CLOCK_FILE"] = clock.OffsetFile });

        var calls = result.ShouldSucceed().Json.EnumerateArray().ToList();
        calls.Select(c => c.GetProperty("arn").GetString()).Should().AllBe($"arn:aws:sts::111111111111:assumed-role/abcd/{instance.Text("instanceId")}");
        var keys = calls.Select(c => c.GetProperty("key").GetString()).ToList();
        keys[1].Should().Be(keys[0]);
        keys[2].Should().Be(keys[0]);
        keys[3].Should().NotBe(keys[0], "ten minutes before the first set expires botocore must refresh");
        keys[4].Should().Be(keys[3]);
        keys[5].Should().NotBe(keys[3]);
        keys.Distinct().Should().HaveCount(3);
    }
}
