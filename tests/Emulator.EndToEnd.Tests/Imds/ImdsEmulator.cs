using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Imds;

/// <summary>
/// The real server with <c>--imds-ports</c> over a free range of 8 loopback ports and two roles that
/// trust EC2, each in an instance profile of its own name (<c>web</c>, <c>worker</c>, which may describe
/// instances). Instances are launched by the tests through the EC2 API, as users launch them.
/// </summary>
public sealed class ImdsEmulator() : EmulatorProcess(Seed, "--imds-ports", FreeRange(), "--Serilog:MinimumLevel:Override:Emulator.Server.Imds", "Debug")
{
    public const int PortCount = 8;

    private static readonly string Ec2Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private static string Seed => $$"""
        {
          "accounts": [
            {
              "id": "{{AwsCredentials.DefaultAccountId}}",
              "rootAccessKeyId": "{{AwsCredentials.DefaultRoot.AccessKeyId}}",
              "rootSecretAccessKey": "{{AwsCredentials.DefaultRoot.SecretAccessKey}}",
              "roles": [
                { "RoleName": "web", "AssumeRolePolicyDocument": {{Ec2Trust}} },
                { "RoleName": "worker", "AssumeRolePolicyDocument": {{Ec2Trust}},
                  "Policies": [ { "PolicyName": "describe", "PolicyDocument": {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"*"}]} } ] }
              ],
              "instanceProfiles": [
                { "InstanceProfileName": "web", "Roles": [ "web" ] },
                { "InstanceProfileName": "worker", "Roles": [ "worker" ] }
              ]
            }
          ]
        }
        """;

    /// <summary>
    /// Launches one instance with <c>ec2.run_instances</c> (boto3, root keys) and returns it as
    /// <c>GET /_emulator/instances</c> lists it, with its IMDS addresses.
    /// </summary>
    public async Task<JsonElement> LaunchAsync(string profile, string privateIp)
    {
        var launched = (await Boto3().RunAsync("""
            ec2 = client("ec2")
            reservation = ec2.run_instances(ImageId="ami-0123456789abcdef0", InstanceType="t3.micro", MinCount=1, MaxCount=1,
                IamInstanceProfile={"Name": arg("PROFILE")}, PrivateIpAddress=arg("IP"))
            instance_id = reservation["Instances"][0]["InstanceId"]
            ec2.get_waiter("instance_running").wait(InstanceIds=[instance_id], WaiterConfig={"Delay": 1, "MaxAttempts": 30})
            emit(instance_id)
            """, new Dictionary<string, string> { ["PROFILE"] = profile, ["IP"] = privateIp })).ShouldSucceed().Json.GetString()!;
        var list = JsonDocument.Parse(await Http.GetStringAsync($"{Url}/_emulator/instances")).RootElement;
        return list.EnumerateArray().Single(i => i.GetProperty("instanceId").GetString() == launched).Clone();
    }

    /// <summary>A range of loopback ports nothing listens on now (probed; another process may still take one, as with the main port).</summary>
    internal static string FreeRange()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var from = Random.Shared.Next(20000, 60000);
            if (Enumerable.Range(from, PortCount).All(IsFree))
            {
                return $"{from}-{from + PortCount - 1}";
            }
        }

        throw new InvalidOperationException("No free range of loopback ports for --imds-ports.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
