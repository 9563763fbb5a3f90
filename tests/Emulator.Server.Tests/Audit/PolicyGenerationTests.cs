using System.Net;
using System.Text.Json;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Audit;

public sealed class PolicyGenerationTests
{
    private const string Account = "123456789012";
    private const string Everything = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:GetRole","iam:ListRolePolicies","iam:GetUser","ec2:DescribeInstances"],"Resource":"*"}]}""";

    [Fact]
    public async Task The_policy_groups_actions_by_resources_sorts_them_keeps_star_only_where_authorized_on_star_and_replays_without_denial()
    {
        using var emulator = new DefaultEmulator();
        var (dev, devArn) = await User(emulator, "dev", Everything);
        await Calls(dev);
        var refused = await dev.Call("DeleteRole", ("RoleName", "r2"));

        var reply = await Generate(emulator, new { principalArn = devArn });
        var result = reply.Json;

        refused.ErrorCode.Should().Be("AccessDenied");
        reply.Status.Should().Be(HttpStatusCode.OK, reply.Body);
        result.GetProperty("policyDocument").GetString().Should().Be(
            "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Effect\":\"Allow\",\"Action\":\"ec2:DescribeInstances\",\"Resource\":\"*\"},"
            + $"{{\"Effect\":\"Allow\",\"Action\":[\"iam:GetRole\",\"iam:ListRolePolicies\"],\"Resource\":[\"arn:aws:iam::{Account}:role/r1\",\"arn:aws:iam::{Account}:role/r2\"]}},"
            + $"{{\"Effect\":\"Allow\",\"Action\":\"iam:GetUser\",\"Resource\":\"arn:aws:iam::{Account}:user/dev\"}}]}}");
        result.GetProperty("events").GetInt32().Should().Be(6);
        result.GetProperty("requests").GetInt32().Should().Be(6);
        result.GetProperty("replay").GetProperty("requests").GetInt32().Should().Be(6);
        result.GetProperty("replay").GetProperty("denied").GetInt32().Should().Be(0);
        result.GetProperty("deniedCalls").EnumerateArray().Select(d => (d.Text("eventName"), d.Text("errorCode"), d.Text("action"), d.Text("resource")))
            .Should().Equal(("DeleteRole", "AccessDenied", "iam:DeleteRole", $"arn:aws:iam::{Account}:role/r2"));
    }

    [Fact]
    public async Task A_user_with_only_the_generated_policy_makes_the_same_calls_without_a_denial()
    {
        using var emulator = new DefaultEmulator();
        var (dev, devArn) = await User(emulator, "dev", Everything);
        await Calls(dev);
        var generated = (await Generate(emulator, new { principalArn = devArn })).Json.GetProperty("policyDocument").GetString()!;
        // The same calls by a user named dev again: GetUser's resource is the user's own ARN.
        await emulator.Iam().Call("DeleteUserPolicy", ("UserName", "dev"), ("PolicyName", "granted"));
        await emulator.Iam().Call("PutUserPolicy", ("UserName", "dev"), ("PolicyName", "granted"), ("PolicyDocument", generated));

        var again = await Calls(dev);
        var beyond = await dev.Call("ListRoles");

        again.Select(r => r.Status).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        beyond.ErrorCode.Should().Be("AccessDenied", "the generated policy grants nothing that was not used");
    }

    [Fact]
    public async Task A_role_policy_covers_the_calls_of_all_its_sessions()
    {
        using var emulator = new DefaultEmulator();
        var iam = emulator.Iam();
        await iam.Call("CreateRole", ("RoleName", "worker"),
            ("AssumeRolePolicyDocument", $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Account}}:root"},"Action":"sts:AssumeRole"}]}"""));
        await iam.Call("PutRolePolicy", ("RoleName", "worker"), ("PolicyName", "all"), ("PolicyDocument", Everything));
        var (dev, _) = await User(emulator, "caller", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""");
        var one = dev.WithCredentials(await dev.For("sts").Call("AssumeRole", ("RoleArn", $"arn:aws:iam::{Account}:role/worker"), ("RoleSessionName", "one")));
        var two = dev.WithCredentials(await dev.For("sts").Call("AssumeRole", ("RoleArn", $"arn:aws:iam::{Account}:role/worker"), ("RoleSessionName", "two")));
        await one.Call("GetRole", ("RoleName", "worker"));
        await two.For("ec2").Call("DescribeInstances");

        var result = (await Generate(emulator, new { principalArn = $"arn:aws:iam::{Account}:role/worker" })).Json;

        result.GetProperty("policyDocument").GetString().Should().Be(
            $"{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Effect\":\"Allow\",\"Action\":\"ec2:DescribeInstances\",\"Resource\":\"*\"}},{{\"Effect\":\"Allow\",\"Action\":\"iam:GetRole\",\"Resource\":\"arn:aws:iam::{Account}:role/worker\"}}]}}");
        result.GetProperty("events").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task The_time_range_limits_the_calls_considered()
    {
        using var emulator = new DefaultEmulator();
        var (dev, devArn) = await User(emulator, "dev", Everything);
        await dev.Call("GetUser", ("UserName", "dev"));
        await AdminRequest.Post("/_emulator/clock", """{"offsetSeconds": 7200}""").SendAsync(emulator.CreateClient());
        var later = DateTimeOffset.UtcNow.AddSeconds(3600);
        await dev.For("ec2").Call("DescribeInstances");

        var result = (await Generate(emulator, new { principalArn = devArn, startTime = later })).Json;

        result.GetProperty("policyDocument").GetString().Should().Be(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ec2:DescribeInstances\",\"Resource\":\"*\"}]}");
        result.GetProperty("events").GetInt32().Should().Be(1);
    }

    [Theory]
    [InlineData("""{"principalArn":"arn:aws:iam::123456789012:role/never-called"}""", "The trail holds no call by arn:aws:iam::123456789012:role/never-called (a role's calls are its sessions').")]
    [InlineData("""{"principalArn":"arn:aws:sts::123456789012:assumed-role/r/s"}""", "principalArn must be an IAM role or user ARN (arn:aws:iam::123456789012:role/name), not 'arn:aws:sts::123456789012:assumed-role/r/s'.")]
    [InlineData("""{}""", "principalArn must be an IAM role or user ARN (arn:aws:iam::123456789012:role/name), not ''.")]
    [InlineData("""{"principalArn":"arn:aws:iam::123456789012:root","startTime":"2030-01-02T00:00:00Z","endTime":"2030-01-01T00:00:00Z"}""", "principalArn must be an IAM role or user ARN (arn:aws:iam::123456789012:role/name), not 'arn:aws:iam::123456789012:root'.")]
    [InlineData("""{"principalArn":"arn:aws:iam::123456789012:user/dev","startTime":"2030-01-02T00:00:00Z","endTime":"2030-01-01T00:00:00Z"}""", "startTime (2030-01-02T00:00:00.0000000+00:00) is after endTime (2030-01-01T00:00:00.0000000+00:00).")]
    public async Task A_bad_request_is_400_with_the_reason(string body, string message)
    {
        using var emulator = new DefaultEmulator();

        var reply = await AdminRequest.Post("/_emulator/policy-generation", body).SendAsync(emulator.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Error.Should().Be(message);
    }

    [Fact]
    public async Task A_time_that_is_not_ISO_8601_is_400()
    {
        using var emulator = new DefaultEmulator();

        var reply = await AdminRequest.Post("/_emulator/policy-generation", """{"principalArn":"arn:aws:iam::123456789012:user/dev","startTime":"yesterday"}""")
            .SendAsync(emulator.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Error.Should().StartWith("Body must be JSON like").And.Contain("$.startTime");
    }

    /// <summary>Roles r1, r2 and user <paramref name="name"/> with <paramref name="policy"/> and an access key.</summary>
    private static async Task<(IamTestClient Client, string Arn)> User(EmulatorFactory emulator, string name, string policy)
    {
        var iam = emulator.Iam();
        await iam.Call("CreateRole", ("RoleName", "r1"), ("AssumeRolePolicyDocument", Documents.Ec2Trust));
        await iam.Call("CreateRole", ("RoleName", "r2"), ("AssumeRolePolicyDocument", Documents.Ec2Trust));
        var user = await iam.Call("CreateUser", ("UserName", name));
        await iam.Call("PutUserPolicy", ("UserName", name), ("PolicyName", "granted"), ("PolicyDocument", policy));
        var key = await iam.Call("CreateAccessKey", ("UserName", name));
        return (emulator.Iam(key.Value("AccessKeyId")!, key.Value("SecretAccessKey")!), user.Value("Arn")!);
    }

    private static async Task<List<IamResponse>> Calls(IamTestClient dev) =>
    [
        await dev.Call("GetRole", ("RoleName", "r1")),
        await dev.Call("GetRole", ("RoleName", "r2")),
        await dev.Call("ListRolePolicies", ("RoleName", "r1")),
        await dev.Call("ListRolePolicies", ("RoleName", "r2")),
        await dev.Call("GetUser", ("UserName", "dev")),
        await dev.For("ec2").Call("DescribeInstances"),
    ];

    private static Task<AdminReply> Generate(EmulatorFactory emulator, object request) =>
        AdminRequest.Post("/_emulator/policy-generation", JsonSerializer.Serialize(request)).SendAsync(emulator.CreateClient());
}
