using System.Text.Json;
using Emulator.EndToEnd.Tests.Imds;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Story;

/// <summary>
/// Seed 000's two accounts: role <c>abcd</c> in 111111111111 trusting EC2, allowed to assume <c>efgh</c> in
/// 222222222222 (which trusts abcd), and to describe instances only with credentials delivered by IMDSv2;
/// profiles <c>abcd</c> and <c>other</c>. Per-instance IMDS ports are on, for the JS SDK.
/// </summary>
public class StoryEmulator : EmulatorProcess
{
    public StoryEmulator()
        : this([])
    {
    }

    /// <summary>The same seed with further options (the audit trail tests add <c>--trail-file</c>).</summary>
    protected StoryEmulator(string[] extraArguments)
        : base(Seed, ["--imds-ports", ImdsEmulator.FreeRange(), .. extraArguments])
    {
    }

    public static AwsCredentials Root { get; } = new("AKIAAAAAAAAAAAAAAAA1", "secret-one");

    private const string Ec2Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private static readonly string Seed = """
        {"accounts":[
          {"id":"111111111111","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAA1","rootSecretAccessKey":"secret-one",
           "roles":[
             {"RoleName":"abcd","AssumeRolePolicyDocument":EC2_TRUST,
              "Policies":[{"PolicyName":"seed-000","PolicyDocument":{"Version":"2012-10-17","Statement":[
                {"Sid":"AllowIPToAssumeCrossAccountRole","Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::222222222222:role/efgh"},
                {"Sid":"DescribeWithItsOwnCredentials","Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"*"},
                {"Sid":"NoIMDSv1Credentials","Effect":"Deny","Action":"*","Resource":"*","Condition":{"NumericLessThan":{"ec2:RoleDelivery":"2.0"}}}]}}]},
             {"RoleName":"other","AssumeRolePolicyDocument":EC2_TRUST}],
           "instanceProfiles":[{"InstanceProfileName":"abcd","Roles":["abcd"]},{"InstanceProfileName":"other","Roles":["other"]}]},
          {"id":"222222222222","rootAccessKeyId":"AKIABBBBBBBBBBBBBBB2","rootSecretAccessKey":"secret-two",
           "roles":[{"RoleName":"efgh","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Sid":"efghTrustPolicy","Effect":"Allow","Action":"sts:AssumeRole","Principal":{"AWS":"arn:aws:iam::111111111111:role/abcd"}}]}}]}]}
        """.Replace("EC2_TRUST", Ec2Trust, StringComparison.Ordinal);

    /// <summary>Launches with the AWS CLI as seed 004 does and returns the instance as <c>GET /_emulator/instances</c> lists it.</summary>
    public async Task<JsonElement> LaunchAsync(string profile)
    {
        var launched = (await Cli(Root).RunAsync("ec2", "run-instances", "--image-id", "ami-11aa22bb", "--iam-instance-profile", $"Name={profile}"))
            .ShouldSucceed().Json.Text("Instances", 0, "InstanceId");
        var list = JsonDocument.Parse(await Http.GetStringAsync($"{Url}/_emulator/instances")).RootElement;
        return list.EnumerateArray().Single(i => i.GetProperty("instanceId").GetString() == launched).Clone();
    }

    /// <summary>The environment of a program on the instance: no keys, IMDS at <paramref name="imdsEndpoint"/>.</summary>
    public Dictionary<string, string> OnInstance(string imdsEndpoint) => new()
    {
        ["AWS_EC2_METADATA_DISABLED"] = "false",
        ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = imdsEndpoint,
        ["AWS_METADATA_SERVICE_TIMEOUT"] = "5",
    };
}
