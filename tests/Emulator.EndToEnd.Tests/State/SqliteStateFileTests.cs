using System.Text;
using System.Text.Json;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.State;

/// <summary>
/// <c>--state sqlite:PATH</c>: the file one server process wrote is what the next one serves, to the last field,
/// and the next one goes on from there (version numbers, key limits, sessions issued before).
/// </summary>
public sealed class SqliteStateFileTests
{
    private const string Write = """
        EC2_TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
        ACCOUNT_TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"}]})
        def document(n):
            return json.dumps({"Version": "2012-10-17", "Statement": [{"Sid": f"v{n}", "Effect": "Allow", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::bucket-{n}/*"}]})
        ec2 = client("ec2")

        iam.create_account_alias(AccountAlias="durable-alias")
        iam.create_role(RoleName="app", Path="/svc/", AssumeRolePolicyDocument=EC2_TRUST, Description="the app", MaxSessionDuration=7200,
                        Tags=[{"Key": "team", "Value": "core"}, {"Key": "env", "Value": "test"}])
        iam.put_role_policy(RoleName="app", PolicyName="inline", PolicyDocument=document(0))
        arn = iam.create_policy(PolicyName="managed", Path="/p/", PolicyDocument=document(1), Description="three versions",
                                Tags=[{"Key": "owner", "Value": "ops"}])["Policy"]["Arn"]
        iam.create_policy_version(PolicyArn=arn, PolicyDocument=document(2), SetAsDefault=True)
        iam.create_policy_version(PolicyArn=arn, PolicyDocument=document(3), SetAsDefault=False)
        iam.attach_role_policy(RoleName="app", PolicyArn=arn)
        iam.create_role(RoleName="assumable", AssumeRolePolicyDocument=ACCOUNT_TRUST)
        for profile in ("app-profile", "spare-profile"):
            iam.create_instance_profile(InstanceProfileName=profile, Path="/svc/", Tags=[{"Key": "profile", "Value": profile}])
            iam.add_role_to_instance_profile(InstanceProfileName=profile, RoleName="app")
        iam.create_user(UserName="bob", Tags=[{"Key": "desk", "Value": "7"}])
        iam.put_user_policy(UserName="bob", PolicyName="assume", PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}))
        iam.attach_user_policy(UserName="bob", PolicyArn=arn)
        first = iam.create_access_key(UserName="bob")["AccessKey"]
        second = iam.create_access_key(UserName="bob")["AccessKey"]
        iam.update_access_key(UserName="bob", AccessKeyId=second["AccessKeyId"], Status="Inactive")
        iam.create_group(GroupName="devs", Path="/teams/")
        iam.add_user_to_group(GroupName="devs", UserName="bob")
        iam.put_group_policy(GroupName="devs", PolicyName="group-inline", PolicyDocument=document(4))
        iam.attach_group_policy(GroupName="devs", PolicyArn=arn)
        iam.create_open_id_connect_provider(Url="https://token.example.com", ClientIDList=["sts.amazonaws.com"], ThumbprintList=["a" * 40])

        def run(**profile):
            return ec2.run_instances(ImageId="ami-11aa22bb", InstanceType="t3.micro", MinCount=1, MaxCount=1, **profile)["Instances"][0]["InstanceId"]
        def association_of(instance):
            return ec2.describe_iam_instance_profile_associations(Filters=[{"Name": "instance-id", "Values": [instance]}])["IamInstanceProfileAssociations"][0]["AssociationId"]
        launched_with_profile = run(IamInstanceProfile={"Name": "app-profile"})
        associated_later = run()
        ec2.associate_iam_instance_profile(InstanceId=associated_later, IamInstanceProfile={"Name": "spare-profile"})
        replaced = run(IamInstanceProfile={"Name": "app-profile"})
        ec2.replace_iam_instance_profile_association(AssociationId=association_of(replaced), IamInstanceProfile={"Name": "spare-profile"})
        disassociated = run(IamInstanceProfile={"Name": "app-profile"})
        ec2.disassociate_iam_instance_profile(AssociationId=association_of(disassociated))
        terminated = run()
        ec2.terminate_instances(InstanceIds=[terminated])

        session = client("sts", first["AccessKeyId"], first["SecretAccessKey"]).assume_role(
            RoleArn="arn:aws:iam::123456789012:role/assumable", RoleSessionName="before-restart")["Credentials"]
        emit({"session": session, "key": first})
        """;

    // Everything a user can read back, in the order the server lists it; request ids left out.
    private const string Snapshot = """
        ec2 = client("ec2")
        def clean(response):
            response.pop("ResponseMetadata", None)
            return response
        details = {}
        for page in iam.get_paginator("get_account_authorization_details").paginate():
            for name in ("UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"):
                details.setdefault(name, []).extend(page[name])
        arn = "arn:aws:iam::123456789012:policy/p/managed"
        versions = iam.list_policy_versions(PolicyArn=arn)["Versions"]
        providers = iam.list_open_id_connect_providers()["OpenIDConnectProviderList"]
        emit({
            "details": details,
            "aliases": clean(iam.list_account_aliases()),
            "summary": clean(iam.get_account_summary()),
            "roles": clean(iam.list_roles()),
            "role": clean(iam.get_role(RoleName="app")),
            "role_tags": clean(iam.list_role_tags(RoleName="app")),
            "policy": clean(iam.get_policy(PolicyArn=arn)),
            "policy_tags": clean(iam.list_policy_tags(PolicyArn=arn)),
            "versions": [clean(iam.get_policy_version(PolicyArn=arn, VersionId=v["VersionId"])) for v in versions],
            "instance_profiles": clean(iam.list_instance_profiles()),
            "users": clean(iam.list_users()),
            "user_tags": clean(iam.list_user_tags(UserName="bob")),
            "keys": clean(iam.list_access_keys(UserName="bob")),
            "groups": clean(iam.list_groups()),
            "providers": [clean(iam.get_open_id_connect_provider(OpenIDConnectProviderArn=p["Arn"])) for p in providers],
            "instances": clean(ec2.describe_instances()),
            "associations": clean(ec2.describe_iam_instance_profile_associations()),
        })
        """;

    [Fact]
    public async Task The_state_file_written_by_one_process_is_served_exactly_by_the_next_which_goes_on_from_it()
    {
        using var directory = new ScratchDirectory();
        var file = Path.Combine(directory.Path, "state.db");
        JsonElement written;
        string before;
        using (var first = await EmulatorProcess.StartAsync(null, "--state", $"sqlite:{file}"))
        {
            written = (await first.Boto3().RunAsync(Write)).ShouldSucceed().Json;
            before = (await first.Boto3().RunAsync(Snapshot)).ShouldSucceed().Stdout;
            first.Crash();
        }

        // The server wrote a SQLite database at the path it was given, not somewhere else.
        var header = new byte[16];
        await using (var stream = File.OpenRead(file))
        {
            (await stream.ReadAsync(header)).Should().Be(16);
        }

        Encoding.ASCII.GetString(header).Should().Be("SQLite format 3\0");

        using var second = await EmulatorProcess.StartAsync(null, "--state", $"sqlite:{file}");
        var after = (await second.Boto3().RunAsync(Snapshot)).ShouldSucceed().Stdout;
        using (var beforeJson = JsonDocument.Parse(before))
        using (var afterJson = JsonDocument.Parse(after))
        {
            JsonElement.DeepEquals(beforeJson.RootElement, afterJson.RootElement).Should().BeTrue(
                "the second process serves exactly what the first wrote.\n--- first ---\n{0}\n--- second ---\n{1}", before, after);

            // What was compared is the round written above, not two empty servers.
            var snapshot = beforeJson.RootElement;
            snapshot.Items("aliases", "AccountAliases").Select(a => a.GetString()).Should().Equal("durable-alias");
            snapshot.Items("role_tags", "Tags").Should().HaveCount(2);
            snapshot.Items("versions").Select(v => (v.Text("PolicyVersion", "VersionId"), v.At("PolicyVersion", "IsDefaultVersion").GetBoolean()))
                .Should().Equal(("v3", false), ("v2", true), ("v1", false));
            snapshot.Items("keys", "AccessKeyMetadata").Select(k => k.Text("Status")).Should().BeEquivalentTo(["Active", "Inactive"]);
            var instances = snapshot.Items("instances", "Reservations").SelectMany(r => r.Items("Instances")).ToList();
            instances.Select(i => i.Text("State", "Name")).Should().BeEquivalentTo(["running", "running", "running", "running", "terminated"]);
            snapshot.Items("associations", "IamInstanceProfileAssociations").Select(a => a.Text("IamInstanceProfile", "Arn"))
                .Should().BeEquivalentTo([
                    "arn:aws:iam::123456789012:instance-profile/svc/app-profile",
                    "arn:aws:iam::123456789012:instance-profile/svc/spare-profile",
                    "arn:aws:iam::123456789012:instance-profile/svc/spare-profile"]);
            snapshot.Items("providers").Should().ContainSingle();
        }

        // The second process goes on from the loaded state: the next version number, the key limit, earlier credentials.
        var next = (await second.Boto3().RunAsync("""
            session, key = json.loads(arg("session")), json.loads(arg("key"))
            def identity(key_id, secret, token=None):
                return boto3.session.Session(aws_access_key_id=key_id, aws_secret_access_key=secret, aws_session_token=token).client(
                    "sts", endpoint_url=ENDPOINT, region_name="us-east-1").get_caller_identity()["Arn"]
            emit({"version": iam.create_policy_version(PolicyArn="arn:aws:iam::123456789012:policy/p/managed", PolicyDocument=json.dumps(
                      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}))["PolicyVersion"]["VersionId"],
                  "third_key": error_of(iam.create_access_key, UserName="bob"),
                  "session": identity(session["AccessKeyId"], session["SecretAccessKey"], session["SessionToken"]),
                  "key": identity(key["AccessKeyId"], key["SecretAccessKey"])})
            """, new Dictionary<string, string> { ["session"] = written.At("session").GetRawText(), ["key"] = written.At("key").GetRawText() }))
            .ShouldSucceed().Json;

        next.Text("version").Should().Be("v4");
        next.Text("third_key", "Code").Should().Be("LimitExceeded");
        next.Text("session").Should().Be("arn:aws:sts::123456789012:assumed-role/assumable/before-restart");
        next.Text("key").Should().Be("arn:aws:iam::123456789012:user/bob");
    }
}
