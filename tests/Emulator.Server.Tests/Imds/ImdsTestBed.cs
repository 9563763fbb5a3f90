using System.Net;
using System.Text;
using System.Text.Json;
using Emulator.Core.Ec2;
using Emulator.Core.Iam.Tags;
using Emulator.Server.Hosting;
using Emulator.Server.Imds;
using Emulator.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Emulator.Server.Tests.Imds;

/// <summary>
/// The emulator in memory with IMDS ports 45100–45103, reset before each test: roles, profiles and
/// instances are made through the Core operations, and requests can claim the local port and the
/// source address they arrive with, as a per-instance port or an instance's own address would.
/// </summary>
public sealed class ImdsTestBed : IDisposable
{
    public const string Account = "123456789012";
    public const string Region = "us-east-1";
    public const int FirstPort = 45100;

    public const string Ec2Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    public const string LambdaTrust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    public ImdsTestBed()
    {
        Factory = new EmulatorFactory(settings: new Dictionary<string, string> { ["imds-ports"] = $"{FirstPort}-{FirstPort + 3}" });
        Runtime = Factory.Services.GetRequiredService<EmulatorRuntime>();
    }

    public EmulatorFactory Factory { get; }

    public EmulatorRuntime Runtime { get; }

    /// <summary>Back to the seeded state, real time and no default instance.</summary>
    public void Reset()
    {
        Runtime.Reset();
        Runtime.Clock.Reset();
        Factory.Services.GetRequiredService<ImdsAddressing>().MarkedDefault = null;
    }

    /// <summary>A role and an instance profile of the same name holding it.</summary>
    public string RoleWithProfile(string name, string trust = Ec2Trust)
    {
        Runtime.Iam.Roles.Create(Account, name, "/", trust, null, null, null, []);
        Runtime.Iam.InstanceProfiles.Create(Account, name, "/", []);
        Runtime.Iam.InstanceProfiles.AddRole(Account, name, name);
        return name;
    }

    /// <summary>
    /// Launches one t3.micro. The clock moves on a few milliseconds first: instances launched within the same
    /// millisecond have no launch order, and ports are handed out in launch order.
    /// </summary>
    public Instance Launch(string? profile = null, MetadataOptionsRequest? options = null, string? privateIp = null, IReadOnlyList<Tag>? tags = null, string? userData = null)
    {
        Runtime.Clock.Advance(TimeSpan.FromMilliseconds(5));
        return Runtime.Ec2.Instances.RunInstances(Account, Region, new RunInstancesRequest
        {
            ImageId = "ami-0123456789abcdef0",
            InstanceType = "t3.micro",
            MinCount = 1,
            MaxCount = 1,
            IamInstanceProfile = profile is null ? null : new InstanceProfileReference(profile, null),
            MetadataOptions = options ?? new MetadataOptionsRequest(),
            PrivateIpAddress = privateIp,
            Tags = tags ?? [],
            UserData = userData,
        }).Instances[0].Instance;
    }

    public async Task<ImdsReply> Send(string method, string path, IReadOnlyDictionary<string, string>? headers = null, int? localPort = null, string? remoteAddress = null)
    {
        var question = path.IndexOf('?', StringComparison.Ordinal);
        var context = await Factory.Server.SendAsync(http =>
        {
            http.Request.Method = method;
            http.Request.Path = PathString.FromUriComponent(question < 0 ? path : path[..question]);
            http.Request.QueryString = question < 0 ? QueryString.Empty : new QueryString(path[question..]);
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                http.Request.Headers[name] = value;
            }

            http.Connection.LocalPort = localPort ?? 4599;
            http.Connection.RemoteIpAddress = IPAddress.Parse(remoteAddress ?? "127.0.0.1");
        });
        using var memory = new MemoryStream();
        await context.Response.Body.CopyToAsync(memory);
        return new ImdsReply(context.Response.StatusCode, context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), memory.ToArray());
    }

    public Task<ImdsReply> Get(string path, string? token = null, int? localPort = null, string? remoteAddress = null) =>
        Send("GET", path, token is null ? null : new Dictionary<string, string> { [ImdsEndpoint.TokenHeader] = token }, localPort, remoteAddress);

    public async Task<string> Token(string prefix = "", int ttl = 21600, int? localPort = null)
    {
        var reply = await Send("PUT", prefix + "/latest/api/token", new Dictionary<string, string> { [ImdsEndpoint.TtlHeader] = ttl.ToString(System.Globalization.CultureInfo.InvariantCulture) }, localPort);
        reply.Status.Should().Be(200, reply.Text);
        return reply.Text;
    }

    /// <summary>The role credentials an instance's IMDS serves, parsed.</summary>
    public async Task<JsonElement> Credentials(string instanceId, string roleName, string? token = null)
    {
        var reply = await Get($"/{instanceId}/latest/meta-data/iam/security-credentials/{roleName}", token);
        reply.Status.Should().Be(200, reply.Text);
        return JsonDocument.Parse(reply.Text).RootElement.Clone();
    }

    /// <summary>sts:GetCallerIdentity through the AWS pipeline, signed with credentials IMDS served.</summary>
    public Task<IamResponse> CallerIdentity(JsonElement credentials) =>
        new IamTestClient(Factory.CreateClient(), credentials.GetProperty("AccessKeyId").GetString()!, credentials.GetProperty("SecretAccessKey").GetString()!)
        {
            Service = "sts",
            SessionToken = credentials.GetProperty("Token").GetString(),
        }.Call("GetCallerIdentity");

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public void Dispose() => Factory.Dispose();
}
