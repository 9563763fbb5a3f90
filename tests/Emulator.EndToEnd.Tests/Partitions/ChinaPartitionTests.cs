using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Partitions;

/// <summary>
/// An account of the aws-cn partition, driven by the CLI and boto3 with <c>--region cn-north-1</c> as a user in China
/// would: every ARN names aws-cn, and the account's keys are unknown when signed for a commercial region.
/// </summary>
public sealed class ChinaPartitionTests(ChinaPartitionTests.ChinaEmulator emulator) : IClassFixture<ChinaPartitionTests.ChinaEmulator>, IDisposable
{
    public const string Account = "210987654321";

    public static AwsCredentials Ci { get; } = new("AKIACHINACI000000001", "secret-of-ci-in-china/000000000000000000");

    public sealed class ChinaEmulator() : EmulatorProcess($$$"""
        {"accounts":[{"id":"{{{Account}}}","partition":"aws-cn","rootAccessKeyId":"AKIACHINAROOT0000001","rootSecretAccessKey":"secret-of-china-root/0000000000000000000",
          "users":[{"UserName":"ci","AccessKeys":[{"AccessKeyId":"{{{Ci.AccessKeyId}}}","SecretAccessKey":"{{{Ci.SecretAccessKey}}}"}],
                    "Policies":[{"PolicyName":"admin","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}]}]}]}
        """);

    private readonly ScratchDirectory files = new();

    private AwsCli Cli => emulator.Cli(Ci, files.Path);

    [Fact]
    public async Task The_CLI_in_cn_north_1_creates_and_assumes_a_role_with_aws_cn_ARNs()
    {
        files.Write("trust.json", $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws-cn:iam::{{Account}}:user/ci"},"Action":"sts:AssumeRole"}]}""");

        var created = (await Cli.RunAsync("--region", "cn-north-1", "iam", "create-role", "--role-name", "deployer",
            "--assume-role-policy-document", "file://trust.json")).ShouldSucceed().Json;
        var attach = await Cli.RunAsync("--region", "cn-north-1", "iam", "attach-role-policy", "--role-name", "deployer",
            "--policy-arn", "arn:aws-cn:iam::aws:policy/ReadOnlyAccess");
        var wrongPartition = await Cli.RunAsync("--region", "cn-north-1", "iam", "attach-role-policy", "--role-name", "deployer",
            "--policy-arn", "arn:aws:iam::aws:policy/ReadOnlyAccess");
        var assumed = (await Cli.RunAsync("--region", "cn-north-1", "sts", "assume-role", "--role-arn", $"arn:aws-cn:iam::{Account}:role/deployer",
            "--role-session-name", "release")).ShouldSucceed().Json;
        var caller = (await Cli.RunAsync("--region", "cn-north-1", "sts", "get-caller-identity")).ShouldSucceed().Json;

        created.Text("Role", "Arn").Should().Be($"arn:aws-cn:iam::{Account}:role/deployer");
        attach.ShouldSucceed();
        wrongPartition.ShouldFailWith("InvalidInput").Message.Should().Be("ARN arn:aws:iam::aws:policy/ReadOnlyAccess is not valid.");
        assumed.Text("AssumedRoleUser", "Arn").Should().Be($"arn:aws-cn:sts::{Account}:assumed-role/deployer/release");
        caller.Text("Arn").Should().Be($"arn:aws-cn:iam::{Account}:user/ci");
        caller.Text("Account").Should().Be(Account);
    }

    [Fact]
    public async Task The_CLI_signing_for_a_commercial_region_with_keys_of_China_is_InvalidClientTokenId()
    {
        var result = await Cli.RunAsync("--region", "us-east-1", "sts", "get-caller-identity");

        result.ShouldFailWith("InvalidClientTokenId").Message.Should().Be("The security token included in the request is invalid.");
    }

    [Fact]
    public async Task Boto3_in_cn_north_1_sees_the_role_session_as_an_aws_cn_assumed_role()
    {
        var result = (await emulator.Boto3(Ci).RunAsync("""
            def cn(service, **keys):
                return boto3.session.Session().client(service, endpoint_url=ENDPOINT, region_name="cn-north-1", **keys)
            cn("iam").create_role(RoleName="boto-role", AssumeRolePolicyDocument=arg("TRUST"))
            creds = cn("sts").assume_role(RoleArn=arg("ROLE"), RoleSessionName="boto")["Credentials"]
            session = cn("sts", aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                         aws_session_token=creds["SessionToken"])
            emit({"caller": session.get_caller_identity()["Arn"],
                  "role": cn("iam").get_role(RoleName="boto-role")["Role"]["Arn"],
                  "managed": sorted(p["Arn"] for p in cn("iam").list_policies(Scope="AWS")["Policies"])[:1]})
            """, new Dictionary<string, string>
        {
            ["TRUST"] = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws-cn:iam::{{Account}}:root"},"Action":"sts:AssumeRole"}]}""",
            ["ROLE"] = $"arn:aws-cn:iam::{Account}:role/boto-role",
        })).ShouldSucceed().Json;

        result.Text("caller").Should().Be($"arn:aws-cn:sts::{Account}:assumed-role/boto-role/boto");
        result.Text("role").Should().Be($"arn:aws-cn:iam::{Account}:role/boto-role");
        result.At("managed")[0].GetString().Should().StartWith("arn:aws-cn:iam::aws:policy/");
    }

    public void Dispose() => files.Dispose();
}
