using System.Text.Json;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Reports;

/// <summary>The credential report and service last accessed data through boto3, on an emulator of their own (reports are account-wide).</summary>
public sealed class ReportBoto3Tests
{
    private const string Script = """
        import base64, hashlib, hmac, struct, time
        def totp(seed, step):
            digest = hmac.new(base64.b32decode(seed), struct.pack(">Q", step), hashlib.sha1).digest()
            offset = digest[-1] & 15
            return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7fffffff) % 1000000)

        out = {"before": error_of(iam.get_credential_report)}
        iam.create_user(UserName="alice")
        iam.create_user(UserName="bob")
        iam.create_login_profile(UserName="alice", Password="Correct-Horse-9")
        key = iam.create_access_key(UserName="alice")["AccessKey"]
        device = iam.create_virtual_mfa_device(VirtualMFADeviceName="alice-phone")["VirtualMFADevice"]
        step = int(time.time()) // 30
        seed = device["Base32StringSeed"].decode()
        iam.enable_mfa_device(UserName="alice", SerialNumber=device["SerialNumber"], AuthenticationCode1=totp(seed, step), AuthenticationCode2=totp(seed, step + 1))
        iam.create_group(GroupName="devs")
        iam.add_user_to_group(GroupName="devs", UserName="alice")
        iam.attach_group_policy(GroupName="devs", PolicyArn="arn:aws:iam::aws:policy/IAMReadOnlyAccess")
        iam.put_user_policy(UserName="alice", PolicyName="assume", PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}))
        iam.create_role(RoleName="worker", AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:user/alice"}, "Action": "sts:AssumeRole"}]}))
        iam.attach_role_policy(RoleName="worker", PolicyArn="arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess")

        alice = client("iam", key["AccessKeyId"], key["SecretAccessKey"])
        alice.list_users()
        session = client("sts", key["AccessKeyId"], key["SecretAccessKey"]).assume_role(
            RoleArn="arn:aws:iam::123456789012:role/worker", RoleSessionName="job")["Credentials"]
        boto3.session.Session().client("ec2", endpoint_url=ENDPOINT, region_name="eu-west-1", aws_access_key_id=session["AccessKeyId"],
            aws_secret_access_key=session["SecretAccessKey"], aws_session_token=session["SessionToken"]).describe_instances()

        out["generated"] = iam.generate_credential_report()
        out["again"] = iam.generate_credential_report()
        report = iam.get_credential_report()
        out["format"] = report["ReportFormat"]
        out["csv"] = report["Content"].decode().split("\n")
        out["user"] = iam.get_user(UserName="alice")["User"]
        out["keyDate"] = key["CreateDate"]
        out["lastUsed"] = iam.get_access_key_last_used(AccessKeyId=key["AccessKeyId"])["AccessKeyLastUsed"]

        for name, arn in [("aliceReport", "arn:aws:iam::123456789012:user/alice"), ("workerReport", "arn:aws:iam::123456789012:role/worker"),
                          ("groupReport", "arn:aws:iam::123456789012:group/devs")]:
            job = iam.generate_service_last_accessed_details(Arn=arn, Granularity="ACTION_LEVEL")["JobId"]
            out[name] = iam.get_service_last_accessed_details(JobId=job)
            namespace = "ec2" if name == "workerReport" else "iam"
            out[name + "Entities"] = iam.get_service_last_accessed_details_with_entities(JobId=job, ServiceNamespace=namespace)["EntityDetailsList"]
        out["granting"] = iam.list_policies_granting_service_access(Arn="arn:aws:iam::123456789012:user/alice",
            ServiceNamespaces=["iam", "sts", "ec2"])["PoliciesGrantingServiceAccess"]
        emit(out)
        """;

    private static Dictionary<string, JsonElement> ByNamespace(JsonElement report) =>
        report.At("ServicesLastAccessed").EnumerateArray().ToDictionary(s => s.Text("ServiceNamespace"));

    [Fact]
    public async Task Reports_show_the_users_credentials_and_exactly_the_services_the_user_and_the_role_session_used()
    {
        using var emulator = await EmulatorProcess.StartAsync();

        var result = (await emulator.Boto3().RunAsync(Script)).ShouldSucceed().Json;

        result.At("before").Text("Code").Should().Be("ReportNotPresent");
        result.At("before").At("Status").GetInt32().Should().Be(410);
        result.At("generated").Text("State").Should().Be("STARTED");
        result.At("generated").Text("Description").Should().Be("No report exists. Starting a new report generation task");
        result.At("again").Text("State").Should().Be("COMPLETE");
        result.Text("format").Should().Be("text/csv");
        var csv = result.At("csv").EnumerateArray().Select(l => l.GetString()!).ToList();
        csv.Should().HaveCount(4);
        csv[0].Should().StartWith("user,arn,user_creation_time,password_enabled,password_last_used,");
        csv[1].Should().StartWith("<root_account>,arn:aws:iam::123456789012:root,");
        var alice = csv[2].Split(',');
        alice.Should().HaveCount(22);
        alice[..2].Should().Equal("alice", "arn:aws:iam::123456789012:user/alice");
        DateTimeOffset.Parse(alice[2]).Should().Be(DateTimeOffset.Parse(result.At("user").Text("CreateDate")));
        alice[3..5].Should().Equal("true", "no_information");
        alice[6].Should().Be("N/A", "the account has no password policy with a maximum age");
        alice[7..9].Should().Equal("true", "true");
        // The key's last use was sts:AssumeRole, after iam:ListUsers.
        DateTimeOffset.Parse(alice[10]).Should().Be(DateTimeOffset.Parse(result.At("lastUsed").Text("LastUsedDate")));
        alice[11..].Should().Equal("us-east-1", "sts", "false", "N/A", "N/A", "N/A", "N/A", "false", "N/A", "false", "N/A");
        csv[3].Should().EndWith(",false,N/A,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A");
        csv[3].Should().StartWith("bob,arn:aws:iam::123456789012:user/bob,");

        var user = ByNamespace(result.At("aliceReport"));
        user.Keys.Should().BeEquivalentTo("iam", "sts");
        user["iam"].Text("LastAuthenticatedEntity").Should().Be("arn:aws:iam::123456789012:user/alice");
        user["iam"].Text("ServiceName").Should().Be("AWS Identity and Access Management");
        user["iam"].At("TrackedActionsLastAccessed").EnumerateArray().Select(a => a.Text("ActionName")).Should().Equal("ListUsers");
        user["sts"].Text("LastAuthenticatedRegion").Should().Be("us-east-1");
        result.At("aliceReportEntities").EnumerateArray().Select(e => e.At("EntityInfo").Text("Name")).Should().Equal("alice");

        var role = ByNamespace(result.At("workerReport"));
        role.Keys.Should().BeEquivalentTo("autoscaling", "cloudwatch", "ec2", "elasticloadbalancing");
        role["ec2"].Text("LastAuthenticatedEntity").Should().Be("arn:aws:iam::123456789012:role/worker");
        role["ec2"].Text("LastAuthenticatedRegion").Should().Be("eu-west-1");
        role["ec2"].At("TrackedActionsLastAccessed").EnumerateArray().Select(a => a.Text("ActionName")).Should().Equal("DescribeInstances");
        role["cloudwatch"].TryGetProperty("LastAuthenticated", out _).Should().BeFalse();
        var worker = result.At("workerReportEntities").EnumerateArray().Single().At("EntityInfo");
        worker.Text("Type").Should().Be("ROLE");
        worker.Text("Arn").Should().Be("arn:aws:iam::123456789012:role/worker");

        ByNamespace(result.At("groupReport")).Keys.Should().BeEquivalentTo("iam");
        result.At("groupReportEntities").EnumerateArray().Single().At("EntityInfo").Text("Name").Should().Be("alice");

        var granting = result.At("granting").EnumerateArray().ToDictionary(g => g.Text("ServiceNamespace"), g => g.At("Policies"));
        granting["iam"].EnumerateArray().Single().Text("PolicyArn").Should().Be("arn:aws:iam::aws:policy/IAMReadOnlyAccess");
        granting["iam"].EnumerateArray().Single().Text("PolicyType").Should().Be("MANAGED");
        var inline = granting["sts"].EnumerateArray().Single();
        (inline.Text("PolicyName"), inline.Text("PolicyType"), inline.Text("EntityType"), inline.Text("EntityName")).Should().Be(("assume", "INLINE", "USER", "alice"));
        granting["ec2"].GetArrayLength().Should().Be(0);
    }
}
