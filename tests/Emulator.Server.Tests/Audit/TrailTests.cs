using System.Net;
using System.Text.Json;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Audit;

public sealed class TrailTests
{
    private const string Account = "123456789012";

    [Fact]
    public async Task CreateUser_is_a_CloudTrail_record_in_us_east_1_with_camelCase_parameters_and_its_response()
    {
        using var emulator = new DefaultEmulator();
        var signedInEurope = new IamTestClient(emulator.CreateClient(), EmulatorFactory.DefaultKeyId, EmulatorFactory.DefaultSecret) { Region = "eu-west-1" };

        var created = await signedInEurope.Call("CreateUser", ("UserName", "alice"), ("Path", "/team/"), ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "blue"));
        var record = await TrailClient.Single(emulator, "CreateUser");

        created.Status.Should().Be(HttpStatusCode.OK);
        record.Text("eventVersion").Should().Be("1.08");
        record.Text("eventSource").Should().Be("iam.amazonaws.com");
        record.Text("awsRegion").Should().Be("us-east-1", "CloudTrail records IAM, a global service, in us-east-1");
        record.Text("eventTime").Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
        record.Text("eventType").Should().Be("AwsApiCall");
        record.GetProperty("managementEvent").GetBoolean().Should().BeTrue();
        record.GetProperty("readOnly").GetBoolean().Should().BeFalse();
        record.Text("recipientAccountId").Should().Be(Account);
        record.Text("requestID").Should().Be(created.Value("RequestId"));
        record.Text("eventID").Should().MatchRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
        record.Text("userIdentity", "type").Should().Be("Root");
        record.Text("userIdentity", "arn").Should().Be($"arn:aws:iam::{Account}:root");
        record.Text("userIdentity", "accessKeyId").Should().Be(EmulatorFactory.DefaultKeyId);
        record.Text("requestParameters", "userName").Should().Be("alice");
        record.Text("requestParameters", "path").Should().Be("/team/");
        record.Text("requestParameters", "tags", "0", "key").Should().Be("team");
        record.Text("requestParameters", "tags", "0", "value").Should().Be("blue");
        record.GetProperty("requestParameters").TryGetProperty("action", out _).Should().BeFalse();
        record.Text("responseElements", "user", "userName").Should().Be("alice");
        record.Text("responseElements", "user", "arn").Should().Be($"arn:aws:iam::{Account}:user/team/alice");
        record.TryGetProperty("errorCode", out _).Should().BeFalse();
        record.TryGetProperty("errorMessage", out _).Should().BeFalse();
    }

    [Fact]
    public async Task A_read_has_null_responseElements_and_no_parameters_is_null_requestParameters()
    {
        using var emulator = new DefaultEmulator();

        await emulator.Iam().Call("ListUsers");
        var record = await TrailClient.Single(emulator, "ListUsers");

        record.GetProperty("readOnly").GetBoolean().Should().BeTrue();
        record.GetProperty("responseElements").ValueKind.Should().Be(JsonValueKind.Null);
        record.GetProperty("requestParameters").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task CreateAccessKey_and_AssumeRole_records_keep_key_ids_but_never_a_secret_or_a_session_token()
    {
        using var emulator = new DefaultEmulator();
        var iam = emulator.Iam();
        await iam.Call("CreateUser", ("UserName", "bob"));
        await iam.Call("PutUserPolicy", ("UserName", "bob"), ("PolicyName", "assume"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"""));
        await iam.Call("CreateRole", ("RoleName", "deployer"),
            ("AssumeRolePolicyDocument", $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Account}}:root"},"Action":"sts:AssumeRole"}]}"""));
        await iam.Call("PutRolePolicy", ("RoleName", "deployer"), ("PolicyName", "read"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"*"}]}"""));
        var key = await iam.Call("CreateAccessKey", ("UserName", "bob"));
        var bob = emulator.Iam(key.Value("AccessKeyId")!, key.Value("SecretAccessKey")!);
        var assumed = await bob.For("sts").Call("AssumeRole", ("RoleArn", $"arn:aws:iam::{Account}:role/deployer"), ("RoleSessionName", "ci"));
        var asRole = await bob.WithCredentials(assumed).Call("GetRole", ("RoleName", "deployer"));
        var body = (await AdminRequest.Get("/_emulator/trail").SendAsync(emulator.CreateClient())).Body;

        var createKey = await TrailClient.Single(emulator, "CreateAccessKey");
        var assume = await TrailClient.Single(emulator, "AssumeRole");
        var getRole = await TrailClient.Single(emulator, "GetRole");
        asRole.Status.Should().Be(HttpStatusCode.OK);
        createKey.Text("responseElements", "accessKey", "accessKeyId").Should().Be(key.Value("AccessKeyId"));
        createKey.GetProperty("responseElements").GetProperty("accessKey").TryGetProperty("secretAccessKey", out _).Should().BeFalse();
        assume.GetProperty("readOnly").GetBoolean().Should().BeTrue();
        assume.Text("eventSource").Should().Be("sts.amazonaws.com");
        assume.Text("userIdentity", "type").Should().Be("IAMUser");
        assume.Text("userIdentity", "userName").Should().Be("bob");
        assume.Text("requestParameters", "roleArn").Should().Be($"arn:aws:iam::{Account}:role/deployer");
        assume.Text("responseElements", "credentials", "accessKeyId").Should().Be(assumed.Value("AccessKeyId"));
        assume.GetProperty("responseElements").GetProperty("credentials").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["accessKeyId", "expiration"]);
        assume.GetProperty("resources").EnumerateArray().Select(r => (r.Text("ARN"), r.Text("accountId"), r.Text("type")))
            .Should().Equal(($"arn:aws:iam::{Account}:role/deployer", Account, "AWS::IAM::Role"));
        getRole.Text("userIdentity", "type").Should().Be("AssumedRole");
        getRole.Text("userIdentity", "arn").Should().Be($"arn:aws:sts::{Account}:assumed-role/deployer/ci");
        getRole.Text("userIdentity", "accessKeyId").Should().Be(assumed.Value("AccessKeyId"));
        getRole.Text("userIdentity", "sessionContext", "sessionIssuer", "type").Should().Be("Role");
        getRole.Text("userIdentity", "sessionContext", "sessionIssuer", "arn").Should().Be($"arn:aws:iam::{Account}:role/deployer");
        getRole.Text("userIdentity", "sessionContext", "sessionIssuer", "userName").Should().Be("deployer");
        getRole.Text("userIdentity", "sessionContext", "attributes", "mfaAuthenticated").Should().Be("false");
        body.Should().NotContain(key.Value("SecretAccessKey")).And.NotContain(assumed.Value("SecretAccessKey")).And.NotContain(assumed.Value("SessionToken"));
    }

    [Fact]
    public async Task A_denied_call_has_AccessDenied_its_message_and_the_resource_it_was_refused_on()
    {
        using var emulator = new DefaultEmulator();
        var iam = emulator.Iam();
        await iam.Call("CreateUser", ("UserName", "nobody"));
        var key = await iam.Call("CreateAccessKey", ("UserName", "nobody"));

        var denied = await emulator.Iam(key.Value("AccessKeyId")!, key.Value("SecretAccessKey")!).Call("GetUser", ("UserName", "nobody"));
        var record = await TrailClient.Single(emulator, "GetUser");

        denied.ErrorCode.Should().Be("AccessDenied");
        record.Text("errorCode").Should().Be("AccessDenied");
        record.Text("errorMessage").Should().Be(denied.ErrorMessage);
        record.Text("userIdentity", "type").Should().Be("IAMUser");
        record.Text("userIdentity", "arn").Should().Be($"arn:aws:iam::{Account}:user/nobody");
        record.GetProperty("responseElements").ValueKind.Should().Be(JsonValueKind.Null);
        record.Text("resources", "0", "ARN").Should().Be($"arn:aws:iam::{Account}:user/nobody");
        record.Text("resources", "0", "type").Should().Be("AWS::IAM::User");
    }

    [Fact]
    public async Task A_call_with_an_unknown_key_is_recorded_as_an_Unknown_caller_with_the_failure()
    {
        using var emulator = new DefaultEmulator();

        var refused = await emulator.Iam("AKIAUNKNOWNUNKNOWN00", "whatever-secret").Call("ListRoles");
        var record = await TrailClient.Single(emulator, "ListRoles");

        record.Text("errorCode").Should().Be(refused.ErrorCode).And.Be("InvalidClientTokenId");
        record.Text("userIdentity", "type").Should().Be("Unknown");
        record.Text("userIdentity", "accessKeyId").Should().Be("AKIAUNKNOWNUNKNOWN00");
    }

    [Fact]
    public async Task Filters_select_by_principal_event_error_resource_source_and_time_newest_first_with_a_limit()
    {
        using var emulator = new DefaultEmulator();
        var iam = emulator.Iam();
        await iam.Call("CreateRole", ("RoleName", "one"), ("AssumeRolePolicyDocument", Documents.Ec2Trust));
        await iam.Call("GetRole", ("RoleName", "one"));
        await iam.Call("GetRole", ("RoleName", "missing"));
        await iam.For("ec2").Call("DescribeInstances");
        var root = $"arn:aws:iam::{Account}:root";

        var all = await TrailClient.Records(emulator);
        var byPrincipal = await TrailClient.Records(emulator, $"?principal={root}");
        var byKey = await TrailClient.Records(emulator, $"?principal={EmulatorFactory.DefaultKeyId}");
        var getRoles = await TrailClient.Records(emulator, "?eventName=GetRole");
        var failures = await TrailClient.Records(emulator, "?errorCode=NoSuchEntity");
        var onRole = await TrailClient.Records(emulator, $"?resource=arn:aws:iam::{Account}:role/one");
        var ec2 = await TrailClient.Records(emulator, "?eventSource=ec2.amazonaws.com");
        var newest = await TrailClient.Records(emulator, "?limit=2");
        var future = await TrailClient.Records(emulator, "?startTime=2100-01-01T00:00:00Z");
        var past = await TrailClient.Records(emulator, "?endTime=2000-01-01");

        all.Select(r => r.Text("eventName")).Should().Equal("DescribeInstances", "GetRole", "GetRole", "CreateRole");
        byPrincipal.Should().HaveCount(4);
        byKey.Should().HaveCount(4);
        getRoles.Select(r => r.Text("requestParameters", "roleName")).Should().Equal("missing", "one");
        failures.Select(r => r.Text("requestParameters", "roleName")).Should().Equal("missing");
        onRole.Select(r => r.Text("eventName")).Should().Equal("GetRole", "CreateRole");
        ec2.Select(r => (r.Text("eventName"), r.Text("awsRegion"))).Should().Equal(("DescribeInstances", "us-east-1"));
        newest.Select(r => r.Text("eventName")).Should().Equal("DescribeInstances", "GetRole");
        future.Should().BeEmpty();
        past.Should().BeEmpty();
    }

    [Theory]
    [InlineData("?limit=0", "limit must be a whole number from 1 to 100000, not '0'.")]
    [InlineData("?limit=ten", "limit must be a whole number from 1 to 100000, not 'ten'.")]
    [InlineData("?startTime=yesterday", "startTime must be an ISO-8601 time such as 2030-01-01T00:00:00Z, not 'yesterday'.")]
    [InlineData("?endTime=2030-13-45T00:00:00Z", "endTime must be an ISO-8601 time such as 2030-01-01T00:00:00Z, not '2030-13-45T00:00:00Z'.")]
    [InlineData("?startTime=2030-01-02T00:00:00Z&endTime=2030-01-01T00:00:00Z", "startTime (2030-01-02T00:00:00.0000000+00:00) is after endTime (2030-01-01T00:00:00.0000000+00:00).")]
    [InlineData("?user=alice", "Unknown filter 'user'. The trail is filtered by startTime, endTime, principal, eventName, errorCode, resource, eventSource, limit.")]
    public async Task A_bad_filter_is_400_with_the_admin_error_shape(string query, string message)
    {
        using var emulator = new DefaultEmulator();

        var reply = await AdminRequest.Get("/_emulator/trail" + query).SendAsync(emulator.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Error.Should().Be(message);
    }

    [Fact]
    public async Task Reset_keeps_the_trail_and_DELETE_clears_it()
    {
        using var emulator = new DefaultEmulator();
        var http = emulator.CreateClient();
        await emulator.Iam().Call("ListRoles");

        var reset = await AdminRequest.Post("/_emulator/reset").SendAsync(http);
        var afterReset = await TrailClient.Records(emulator);
        var cleared = await new AdminRequest(HttpMethod.Delete, "/_emulator/trail").SendAsync(http);
        var afterDelete = await TrailClient.Records(emulator);

        reset.Status.Should().Be(HttpStatusCode.OK);
        afterReset.Select(r => r.Text("eventName")).Should().Equal("ListRoles");
        cleared.Status.Should().Be(HttpStatusCode.NoContent);
        afterDelete.Should().BeEmpty();
    }

    [Fact]
    public async Task The_trail_keeps_only_the_newest_trail_size_calls()
    {
        using var emulator = new EmulatorFactory(settings: new Dictionary<string, string> { ["trail-size"] = "2" });
        var iam = emulator.Iam();
        await iam.Call("ListRoles");
        await iam.Call("ListUsers");
        await iam.Call("ListGroups");

        var records = await TrailClient.Records(emulator);

        records.Select(r => r.Text("eventName")).Should().Equal("ListGroups", "ListUsers");
    }

    [Fact]
    public async Task The_trail_file_gets_one_JSON_line_per_call()
    {
        var path = Path.Combine(Path.GetTempPath(), $"emulator-trail-{Guid.NewGuid():N}.jsonl");
        try
        {
            using (var emulator = new EmulatorFactory(settings: new Dictionary<string, string> { ["trail-file"] = path }))
            {
                await emulator.Iam().Call("CreateRole", ("RoleName", "filed"), ("AssumeRolePolicyDocument", Documents.Ec2Trust));
                await emulator.Iam().Call("GetRole", ("RoleName", "filed"));
            }

            var lines = await File.ReadAllLinesAsync(path);

            lines.Select(l => JsonDocument.Parse(l).RootElement.Text("eventName")).Should().Equal("CreateRole", "GetRole");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
