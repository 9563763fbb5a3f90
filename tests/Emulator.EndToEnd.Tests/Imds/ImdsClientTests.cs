using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Imds;

/// <summary>
/// IMDS as real clients use it: the curl flows of the EC2 user guide (IMDSv2 and v1), botocore's own
/// InstanceMetadataProvider through boto3's default chain, the AWS CLI, the JS SDK v3 chain through a per-instance
/// port, and two instances with different roles side by side through the path prefix, the per-instance port and
/// the source address.
/// </summary>
[Collection(ImdsCollection.Name)]
public sealed class ImdsClientTests(ImdsEmulator emulator)
{
    private const string Account = AwsCredentials.DefaultAccountId;

    /// <summary>A loopback address no other test of this run uses, so source-address lookup finds exactly one instance.</summary>
    private static string NextAddress() => $"127.0.{Random.Shared.Next(1, 255)}.{Interlocked.Increment(ref lastHost) % 250 + 2}";

    private static int lastHost;

    private static Task<CommandResult> Curl(params string[] arguments) =>
        ProcessRunner.RunAsync("curl", ["-s", "--max-time", "10", .. arguments], environment =>
        {
            environment.Remove("HTTP_PROXY");
            environment.Remove("http_proxy");
            environment["NO_PROXY"] = "127.0.0.1";
        });

    /// <summary>The environment an SDK on an instance has: no keys, IMDS allowed, its endpoint set to <paramref name="imdsEndpoint"/>.</summary>
    private static void OnInstance(IDictionary<string, string?> environment, string imdsEndpoint, string emulatorUrl)
    {
        IsolatedAwsEnvironment.Apply(environment, AwsCredentials.DefaultRoot, emulatorUrl);
        environment.Remove("AWS_ACCESS_KEY_ID");
        environment.Remove("AWS_SECRET_ACCESS_KEY");
        environment.Remove("AWS_SESSION_TOKEN");
        environment.Remove("AWS_EC2_METADATA_DISABLED");
        environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = imdsEndpoint;
        environment["AWS_METADATA_SERVICE_TIMEOUT"] = "5";
    }

    [Fact]
    public async Task The_user_guide_IMDSv2_curl_flow_returns_role_credentials_through_the_path_and_the_port()
    {
        var instance = await emulator.LaunchAsync("web", NextAddress());
        foreach (var endpoint in new[] { instance.Text("imdsEndpoint"), instance.Text("imdsPortEndpoint") })
        {
            var token = (await Curl("-X", "PUT", $"{endpoint}/latest/api/token", "-H", "X-aws-ec2-metadata-token-ttl-seconds: 21600")).ShouldSucceed().Stdout;
            token.Should().HaveLength(56);
            var role = (await Curl("-H", $"X-aws-ec2-metadata-token: {token}", $"{endpoint}/latest/meta-data/iam/security-credentials/")).ShouldSucceed().Stdout;
            role.Should().Be("web");
            var credentials = (await Curl("-H", $"X-aws-ec2-metadata-token: {token}", "-i", $"{endpoint}/latest/meta-data/iam/security-credentials/web")).ShouldSucceed().Stdout;
            credentials.Should().Contain("Server: EC2ws").And.MatchRegex("(?i)x-aws-ec2-metadata-token-ttl-seconds: 2159[0-9]|x-aws-ec2-metadata-token-ttl-seconds: 21600");
            var json = JsonDocument.Parse(credentials[credentials.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
            json.Text("Code").Should().Be("Success");
            json.Text("Type").Should().Be("AWS-HMAC");
            json.Text("AccessKeyId").Should().StartWith("ASIA");

            // One log line per request (successful reads at Debug, which this server enables for IMDS), naming the path and the instance, never the token or the keys.
            // The console sink writes from a background thread: give the line a moment to arrive.
            bool Logged(string line) => line.Contains("IMDS GET", StringComparison.Ordinal)
                && line.Contains("/latest/meta-data/iam/security-credentials/web", StringComparison.Ordinal) && line.Contains(instance.Text("instanceId"), StringComparison.Ordinal);
            for (var wait = 0; wait < 50 && !emulator.StandardOutputLines.Any(Logged); wait++)
            {
                await Task.Delay(100);
            }

            var log = emulator.StandardOutputLines;
            log.Any(Logged).Should().BeTrue("the server logs each IMDS request:\n{0}", string.Join('\n', log.TakeLast(20)));
            log.Should().NotContain(line => line.Contains(token, StringComparison.Ordinal) || line.Contains(json.Text("SecretAccessKey"), StringComparison.Ordinal)
                || line.Contains(json.Text("Token"), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_user_guide_IMDSv1_curl_flow_works_while_tokens_are_optional()
    {
        var instance = await emulator.LaunchAsync("web", NextAddress());
        var body = (await Curl($"{instance.Text("imdsEndpoint")}/latest/meta-data/iam/security-credentials/web")).ShouldSucceed().Stdout;

        var json = JsonDocument.Parse(body).RootElement;
        json.Text("Code").Should().Be("Success");
        json.Text("Expiration").Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
    }

    [Fact]
    public async Task Botocore_instance_metadata_provider_finds_the_role_through_a_path_prefixed_endpoint()
    {
        var instance = await emulator.LaunchAsync("worker", NextAddress());
        var result = await ProcessRunner.RunAsync("python3", ["-c", """
            import json, os, boto3
            session = boto3.session.Session(region_name="us-east-1")
            credentials = session.get_credentials()
            identity = session.client("sts", endpoint_url=os.environ["EMULATOR_URL"]).get_caller_identity()
            print(json.dumps({"method": credentials.method, "arn": identity["Arn"], "account": identity["Account"]}))
            """], environment => OnInstance(environment, instance.Text("imdsEndpoint"), emulator.Url));

        var json = result.ShouldSucceed().Json;
        json.Text("method").Should().Be("iam-role");
        json.Text("arn").Should().Be($"arn:aws:sts::{Account}:assumed-role/worker/{instance.Text("instanceId")}");
        json.Text("account").Should().Be(Account);
    }

    [Fact]
    public async Task The_AWS_CLI_signs_with_the_instance_role_when_only_the_IMDS_endpoint_is_set()
    {
        var instance = await emulator.LaunchAsync("web", NextAddress());
        var result = await ProcessRunner.RunAsync("aws", ["sts", "get-caller-identity", "--endpoint-url", emulator.Url, "--output", "json"],
            environment => OnInstance(environment, instance.Text("imdsEndpoint"), emulator.Url));

        result.ShouldSucceed().Json.Text("Arn").Should().Be($"arn:aws:sts::{Account}:assumed-role/web/{instance.Text("instanceId")}");
    }

    [Fact]
    public async Task The_JS_SDK_v3_default_chain_finds_the_role_through_the_instance_port()
    {
        var instance = await emulator.LaunchAsync("worker", NextAddress());
        var result = await JsSdk.RunAsync("instance-role.mjs", [emulator.Url, instance.Text("instanceId")], emulator.Url, new Dictionary<string, string>
        {
            // The JS SDK keeps only scheme, host and port of this endpoint, so the per-instance port is how it addresses one instance.
            ["AWS_EC2_METADATA_DISABLED"] = "false",
            ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = instance.Text("imdsPortEndpoint"),
        });

        var json = result.ShouldSucceed().Json;
        json.Text("Arn").Should().Be($"arn:aws:sts::{Account}:assumed-role/worker/{instance.Text("instanceId")}");
        json.Text("AccessKeyId").Should().StartWith("ASIA");
        json.Text("InstanceProfileArn").Should().Be($"arn:aws:iam::{Account}:instance-profile/worker");
    }

    [Fact]
    public async Task Two_instances_with_different_roles_are_served_side_by_side_by_path_port_and_source_address()
    {
        var webAddress = NextAddress();
        var workerAddress = NextAddress();
        var web = await emulator.LaunchAsync("web", webAddress);
        var worker = await emulator.LaunchAsync("worker", workerAddress);
        web.Text("roleName").Should().Be("web");
        worker.Text("roleName").Should().Be("worker");
        web.GetProperty("imdsPort").GetInt32().Should().NotBe(worker.GetProperty("imdsPort").GetInt32());

        async Task<string> CallerVia(string endpoint)
        {
            var result = await ProcessRunner.RunAsync("python3", ["-c", """
                import os, boto3
                print(boto3.session.Session(region_name="us-east-1").client("sts", endpoint_url=os.environ["EMULATOR_URL"]).get_caller_identity()["Arn"])
                """], environment => OnInstance(environment, endpoint, emulator.Url));
            return result.ShouldSucceed().Stdout.Trim();
        }

        (await CallerVia(web.Text("imdsEndpoint"))).Should().Be($"arn:aws:sts::{Account}:assumed-role/web/{web.Text("instanceId")}");
        (await CallerVia(worker.Text("imdsEndpoint"))).Should().Be($"arn:aws:sts::{Account}:assumed-role/worker/{worker.Text("instanceId")}");
        (await CallerVia(web.Text("imdsPortEndpoint"))).Should().Be($"arn:aws:sts::{Account}:assumed-role/web/{web.Text("instanceId")}");
        (await CallerVia(worker.Text("imdsPortEndpoint"))).Should().Be($"arn:aws:sts::{Account}:assumed-role/worker/{worker.Text("instanceId")}");

        // From each instance's own address, /latest on the main port is that instance's.
        foreach (var (address, instance) in new[] { (webAddress, web), (workerAddress, worker) })
        {
            (await Curl("--interface", address, $"{emulator.Url}/latest/meta-data/instance-id")).ShouldSucceed().Stdout.Should().Be(instance.Text("instanceId"));
            (await ViaSocketBoundTo(address, $"{emulator.Url}/latest/meta-data/iam/security-credentials/")).Should().Be(instance.Text("roleName"));
        }
    }

    /// <summary>A GET from a client whose socket is bound to <paramref name="localAddress"/>, as a process on that instance would connect.</summary>
    private static async Task<string> ViaSocketBoundTo(string localAddress, string url)
    {
        using var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (context, cancellation) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellation);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        return await client.GetStringAsync(url);
    }
}
