using System.Text.Json;
using Emulator.EndToEnd.Tests.Infrastructure;
using Emulator.EndToEnd.Tests.Story;

namespace Emulator.EndToEnd.Tests.Trail;

/// <summary>
/// The seed story with real clients, read back from the audit trail: the root launches an instance with profile
/// abcd (AWS CLI), boto3 on the instance is assumed-role/abcd/i-… through IMDS, describes its instance and switches
/// to efgh in the other account; a user allowed ec2:RunInstances but not iam:PassRole is refused the same launch.
/// Then the trail is turned into abcd's least-privilege policy, and a fresh role holding only that policy redoes abcd's calls.
/// </summary>
[Collection(TrailStoryCollection.Name)]
public sealed class StoryTrailTests(TrailStoryEmulator emulator)
{
    private const string Abcd = "arn:aws:iam::111111111111:role/abcd";
    private const string Efgh = "arn:aws:iam::222222222222:role/efgh";

    [Fact]
    public async Task The_trail_of_the_story_names_each_call_its_caller_and_the_refused_PassRole_in_order()
    {
        await emulator.ClearTrailAsync();
        var story = await RunStoryAsync();

        var trail = await emulator.TrailAsync();

        trail.Select(r => r.Text("eventName")).Should().Equal(
            "RunInstances", "GetCallerIdentity", "DescribeInstances", "AssumeRole", "GetCallerIdentity",
            "CreateUser", "PutUserPolicy", "CreateAccessKey", "RunInstances");
        trail.Select(r => r.Text("userIdentity", "arn")).Should().Equal(
            "arn:aws:iam::111111111111:root", story.AbcdSession, story.AbcdSession, story.AbcdSession, story.EfghSession,
            "arn:aws:iam::111111111111:root", "arn:aws:iam::111111111111:root", "arn:aws:iam::111111111111:root",
            $"arn:aws:iam::111111111111:user/{story.Launcher}");
        trail.Take(8).Select(r => r.TryGetProperty("errorCode", out _)).Should().AllBeEquivalentTo(false, "only the launch without PassRole failed");
        var launch = trail[0];
        launch.Text("responseElements", "instancesSet", 0, "instanceId").Should().Be(story.InstanceId);
        launch.Text("requestParameters", "iamInstanceProfile", "name").Should().Be("abcd");
        launch.Text("eventSource").Should().Be("ec2.amazonaws.com");
        foreach (var call in trail.Skip(1).Take(3))
        {
            call.Text("userIdentity", "type").Should().Be("AssumedRole");
            call.Text("userIdentity", "principalId").Should().EndWith($":{story.InstanceId}");
            call.Text("userIdentity", "sessionContext", "sessionIssuer", "arn").Should().Be(Abcd);
            call.Text("userIdentity", "sessionContext", "ec2RoleDelivery").Should().Be("2.0");
        }

        trail[3].Text("requestParameters", "roleArn").Should().Be(Efgh);
        trail[3].Text("resources", 0, "ARN").Should().Be(Efgh);
        trail[4].Text("userIdentity", "accountId").Should().Be("222222222222");
        trail[4].Text("userIdentity", "sessionContext", "sessionIssuer", "arn").Should().Be(Efgh);
        var refused = trail[8];
        refused.Text("errorCode").Should().Be("UnauthorizedOperation");
        refused.Text("errorMessage").Should().Contain("iam:PassRole").And.Contain(Abcd);
        refused.Text("userIdentity", "type").Should().Be("IAMUser");
        refused.Text("userIdentity", "userName").Should().Be(story.Launcher);
        refused.Text("resources", 0, "ARN").Should().Be(Abcd);
        refused.Text("resources", 0, "type").Should().Be("AWS::IAM::Role");
    }

    [Fact]
    public async Task The_policy_generated_from_abcd_trail_lets_a_fresh_role_redo_abcd_calls_without_a_denial()
    {
        await emulator.ClearTrailAsync();
        var story = await RunStoryAsync();

        var generated = await emulator.GeneratePolicyAsync(Abcd);
        var document = generated.Text("policyDocument");
        var fresh = UniqueName.For("abcd-generated");
        var replayer = UniqueName.For("replayer");
        var replay = (await emulator.Boto3(StoryEmulator.Root).RunAsync("""
            user = arg("REPLAYER")
            iam.create_user(UserName=user)
            iam.put_user_policy(UserName=user, PolicyName="assume", PolicyDocument=json.dumps({"Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}))
            key = iam.create_access_key(UserName=user)["AccessKey"]
            trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                "Principal": {"AWS": "arn:aws:iam::111111111111:user/" + user}}]}
            role = iam.create_role(RoleName=arg("ROLE"), AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
            iam.put_role_policy(RoleName=arg("ROLE"), PolicyName="generated", PolicyDocument=arg("POLICY"))
            # efgh's trust policy is the resource side: it must name the fresh role, as it names abcd.
            other = client("iam", "AKIABBBBBBBBBBBBBBB2", "secret-two")
            other.update_assume_role_policy(RoleName="efgh", PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": ["arn:aws:iam::111111111111:role/abcd", role]}}]}))
            creds = client("sts", key["AccessKeyId"], key["SecretAccessKey"]).assume_role(RoleArn=role, RoleSessionName="replay")["Credentials"]
            session = boto3.session.Session(aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                aws_session_token=creds["SessionToken"], region_name="us-east-1")
            sts = session.client("sts", endpoint_url=ENDPOINT)
            me = sts.get_caller_identity()["Arn"]
            errors = [error_of(session.client("ec2", endpoint_url=ENDPOINT).describe_instances, InstanceIds=[arg("ID")]),
                      error_of(sts.assume_role, RoleArn="arn:aws:iam::222222222222:role/efgh", RoleSessionName="story")]
            emit({"role": role, "me": me, "errors": errors})
            """, new Dictionary<string, string> { ["REPLAYER"] = replayer, ["ROLE"] = fresh, ["POLICY"] = document, ["ID"] = story.InstanceId })).ShouldSucceed().Json;
        var freshArn = replay.Text("role");
        var freshTrail = await emulator.TrailAsync($"?principal={freshArn}");

        document.Should().Be($$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"*"},{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"{{Efgh}}"}]}""");
        generated.At("events").GetInt32().Should().Be(3);
        generated.At("requests").GetInt32().Should().Be(2);
        generated.At("replay", "requests").GetInt32().Should().Be(2);
        generated.At("replay", "denied").GetInt32().Should().Be(0);
        generated.At("deniedCalls").GetArrayLength().Should().Be(0);
        replay.Text("me").Should().Be($"arn:aws:sts::111111111111:assumed-role/{fresh}/replay");
        replay.At("errors").EnumerateArray().Select(e => e.ValueKind).Should().Equal(JsonValueKind.Null, JsonValueKind.Null);
        freshTrail.Select(r => (r.Text("eventName"), r.TryGetProperty("errorCode", out _))).Should().Equal(
            ("GetCallerIdentity", false), ("DescribeInstances", false), ("AssumeRole", false));
        (await emulator.GeneratePolicyAsync(freshArn)).Text("policyDocument").Should().Be(document, "the same calls need the same permissions");
    }

    private async Task<StoryRun> RunStoryAsync()
    {
        var instance = await emulator.LaunchAsync("abcd");
        var id = instance.Text("instanceId");
        var onInstance = (await new Boto3(emulator.Url, null).RunAsync("""
            session = boto3.session.Session(region_name="us-east-1")
            sts = session.client("sts", endpoint_url=ENDPOINT)
            me = sts.get_caller_identity()["Arn"]
            session.client("ec2", endpoint_url=ENDPOINT).describe_instances(InstanceIds=[arg("ID")])
            efgh = sts.assume_role(RoleArn="arn:aws:iam::222222222222:role/efgh", RoleSessionName="story")["Credentials"]
            other = boto3.session.Session(aws_access_key_id=efgh["AccessKeyId"], aws_secret_access_key=efgh["SecretAccessKey"],
                aws_session_token=efgh["SessionToken"], region_name="us-east-1").client("sts", endpoint_url=ENDPOINT)
            emit({"abcd": me, "efgh": other.get_caller_identity()["Arn"]})
            """, new Dictionary<string, string> { ["ID"] = id }, emulator.OnInstance(instance.Text("imdsEndpoint")), null)).ShouldSucceed().Json;
        var launcher = UniqueName.For("launcher");
        var refused = (await emulator.Boto3(StoryEmulator.Root).RunAsync("""
            iam.create_user(UserName=arg("USER"))
            iam.put_user_policy(UserName=arg("USER"), PolicyName="launch", PolicyDocument=json.dumps({"Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*"}]}))
            key = iam.create_access_key(UserName=arg("USER"))["AccessKey"]
            ec2 = client("ec2", key["AccessKeyId"], key["SecretAccessKey"])
            emit(error_of(ec2.run_instances, ImageId="ami-11aa22bb", MinCount=1, MaxCount=1, IamInstanceProfile={"Name": "abcd"}))
            """, new Dictionary<string, string> { ["USER"] = launcher })).ShouldSucceed().Json;
        refused.Text("Code").Should().Be("UnauthorizedOperation");
        return new StoryRun(id, onInstance.Text("abcd"), onInstance.Text("efgh"), launcher);
    }

    private sealed record StoryRun(string InstanceId, string AbcdSession, string EfghSession, string Launcher);
}
