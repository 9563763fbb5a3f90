using System.Text.Json;
using Emulator.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Emulator.EndToEnd.Tests.State;

/// <summary>
/// Two replicas on one PostgreSQL database, driven by boto3 at once: every acknowledged write is read by the other
/// replica right away, a name raced from both sides is created exactly once, and sessions, keys and instances
/// issued by one replica are honoured and shown by the other (and after both restart).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReplicaTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const int Workers = 4;
    private const int Iterations = 8;

    [Fact]
    public async Task A_write_acknowledged_by_one_replica_is_read_at_once_by_the_other_in_both_directions()
    {
        await using var replicas = await Replicas.StartAsync(await postgres.CreateDatabaseAsync());

        // Each worker's steps alternate replicas, every read right after the write it checks (no sleep, no retry).
        var result = (await replicas.Script("""
            import threading, traceback
            TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
            def document(n):
                return json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": f"arn:aws:s3:::b{n}"}]})
            observations, errors, lock = [], [], threading.Lock()

            def worker(w):
                try:
                    steps(w)
                except Exception:
                    with lock:
                        errors.append(traceback.format_exc())

            def steps(w):
                a, b, sts_a = at(A), at(B), None
                for i in range(int(arg("iterations"))):
                    name = f"ryw-{w}-{i}"
                    seen = {"name": name}
                    seen["created_on_a"] = a.create_role(RoleName=name, AssumeRolePolicyDocument=TRUST)["Role"]["RoleId"]
                    seen["read_on_b"] = b.get_role(RoleName=name)["Role"]["RoleId"]
                    b.update_role_description(RoleName=name, Description=f"set on B {i}")
                    seen["description_on_a"] = a.get_role(RoleName=name)["Role"].get("Description")
                    a.tag_role(RoleName=name, Tags=[{"Key": "k", "Value": f"v{i}"}])
                    seen["tags_on_b"] = b.list_role_tags(RoleName=name)["Tags"]
                    arn = b.create_policy(PolicyName=name, PolicyDocument=document(1))["Policy"]["Arn"]
                    seen["version_on_a"] = a.create_policy_version(PolicyArn=arn, PolicyDocument=document(2), SetAsDefault=True)["PolicyVersion"]["VersionId"]
                    seen["default_on_b"] = b.get_policy(PolicyArn=arn)["Policy"]["DefaultVersionId"]
                    a.create_user(UserName=name)
                    key = b.create_access_key(UserName=name)["AccessKey"]
                    seen["key_on_b"] = key["AccessKeyId"]
                    seen["keys_on_a"] = [k["AccessKeyId"] for k in a.list_access_keys(UserName=name)["AccessKeyMetadata"]]
                    seen["key_identity_on_a"] = at(A, "sts", key["AccessKeyId"], key["SecretAccessKey"]).get_caller_identity()["Arn"]
                    b.untag_role(RoleName=name, TagKeys=["k"])
                    b.delete_role(RoleName=name)
                    seen["deleted_on_b_then_on_a"] = code_of(a.get_role, RoleName=name)
                    with lock:
                        observations.append(seen)

            threads = [threading.Thread(target=worker, args=(w,)) for w in range(int(arg("workers")))]
            for t in threads: t.start()
            for t in threads: t.join()
            emit({"observations": observations, "errors": errors})
            """, new Dictionary<string, string> { ["workers"] = $"{Workers}", ["iterations"] = $"{Iterations}" })).Json;

        result.Items("errors").Select(e => e.GetString()).Should().BeEmpty("no call fails");
        var observations = result.Items("observations");
        observations.Should().HaveCount(Workers * Iterations, "every worker finished every iteration");
        foreach (var seen in observations)
        {
            var name = seen.Text("name");
            seen.Text("read_on_b").Should().Be(seen.Text("created_on_a"), "B reads the role {0} A just created", name);
            var iteration = name.Split('-')[^1];
            seen.Text("description_on_a").Should().Be($"set on B {iteration}", "A reads the description B just set on {0}", name);
            seen.At("tags_on_b").ShouldBeJson($$"""[{"Key": "k", "Value": "v{{iteration}}"}]""");
            seen.Text("version_on_a").Should().Be("v2");
            seen.Text("default_on_b").Should().Be("v2", "B reads the default version A just set on {0}", name);
            seen.Items("keys_on_a").Select(k => k.GetString()).Should().Equal([seen.Text("key_on_b")], "A lists the key B just created for {0}", name);
            seen.Text("key_identity_on_a").Should().Be($"arn:aws:iam::{AwsCredentials.DefaultAccountId}:user/{name}");
            seen.Text("deleted_on_b_then_on_a").Should().Be("NoSuchEntity", "A no longer finds the role {0} B just deleted", name);
        }
    }

    [Fact]
    public async Task Both_replicas_creating_the_same_role_at_the_same_moment_give_exactly_one_success_and_one_EntityAlreadyExists()
    {
        const int Races = 40;
        await using var replicas = await Replicas.StartAsync(await postgres.CreateDatabaseAsync());

        // Two threads meet at a barrier before each CreateRole, one per replica; the survivor is read back on both.
        var result = (await replicas.Script("""
            import threading
            TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
            races = int(arg("races"))
            barrier = threading.Barrier(2)
            outcomes = {"A": [None] * races, "B": [None] * races}

            def racer(label, url):
                iam = at(url)
                for i in range(races):
                    barrier.wait()
                    try:
                        outcomes[label][i] = {"ok": iam.create_role(RoleName=f"race-{i}", AssumeRolePolicyDocument=TRUST, Description=label)["Role"]["RoleId"]}
                    except ClientError as e:
                        outcomes[label][i] = {"error": e.response["Error"]["Code"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}

            threads = [threading.Thread(target=racer, args=("A", A)), threading.Thread(target=racer, args=("B", B))]
            for t in threads: t.start()
            for t in threads: t.join()
            survivors = [{"on_a": at(A).get_role(RoleName=f"race-{i}")["Role"], "on_b": at(B).get_role(RoleName=f"race-{i}")["Role"]} for i in range(races)]
            emit({"outcomes": outcomes, "survivors": [{"a": s["on_a"]["RoleId"], "b": s["on_b"]["RoleId"], "description": s["on_a"]["Description"]} for s in survivors]})
            """, new Dictionary<string, string> { ["races"] = $"{Races}" })).Json;

        var winsOfA = 0;
        for (var i = 0; i < Races; i++)
        {
            var a = result.At("outcomes", "A", i);
            var b = result.At("outcomes", "B", i);
            new[] { a, b }.Count(o => o.Has("ok")).Should().Be(1, "exactly one CreateRole of race {0} succeeds: A {1}, B {2}", i, a, b);
            var (winner, loser, label) = a.Has("ok") ? (a, b, "A") : (b, a, "B");
            loser.Text("error").Should().Be("EntityAlreadyExists", "the other call of race {0} is refused: A {1}, B {2}", i, a, b);
            loser.At("status").GetInt32().Should().Be(409);
            var survivor = result.At("survivors", i);
            survivor.Text("a").Should().Be(winner.Text("ok"), "both replicas show the role whose creation was acknowledged");
            survivor.Text("b").Should().Be(winner.Text("ok"));
            survivor.Text("description").Should().Be(label);
            winsOfA += label == "A" ? 1 : 0;
        }

        // Not asserted (which side wins is the scheduler's choice); shown so a one-sided race is visible.
        output.WriteLine($"{Races} races: A won {winsOfA}, B won {Races - winsOfA}");
    }

    [Fact]
    public async Task A_session_issued_by_one_replica_is_honoured_by_the_other_and_after_both_restart()
    {
        var database = await postgres.CreateDatabaseAsync();
        JsonElement issued;
        await using (var replicas = await Replicas.StartAsync(database))
        {
            issued = (await replicas.Script("""
                TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"}]})
                a, b = at(A), at(B)
                a.create_user(UserName="alice")
                a.put_user_policy(UserName="alice", PolicyName="sts", PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
                    {"Effect": "Allow", "Action": ["sts:AssumeRole", "sts:GetSessionToken"], "Resource": "*"}]}))
                key = a.create_access_key(UserName="alice")["AccessKey"]
                b.create_role(RoleName="reader", AssumeRolePolicyDocument=TRUST)
                b.put_role_policy(RoleName="reader", PolicyName="read", PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
                    {"Effect": "Allow", "Action": "iam:GetRole", "Resource": "*"}]}))
                assumed = at(A, "sts", key["AccessKeyId"], key["SecretAccessKey"]).assume_role(
                    RoleArn="arn:aws:iam::123456789012:role/reader", RoleSessionName="from-a")["Credentials"]
                token = at(B, "sts", key["AccessKeyId"], key["SecretAccessKey"]).get_session_token()["Credentials"]
                on_b = at(B, "iam", assumed["AccessKeyId"], assumed["SecretAccessKey"], assumed["SessionToken"])
                emit({"assumed": assumed, "token": token, "key": key,
                      "assumed_on_b": at(B, "sts", assumed["AccessKeyId"], assumed["SecretAccessKey"], assumed["SessionToken"]).get_caller_identity()["Arn"],
                      "role_read_on_b": on_b.get_role(RoleName="reader")["Role"]["RoleName"],
                      "role_policy_on_b": error_of(on_b.list_roles),
                      "token_on_a": at(A, "sts", token["AccessKeyId"], token["SecretAccessKey"], token["SessionToken"]).get_caller_identity()["Arn"]})
                """)).Json;
        }

        issued.Text("assumed_on_b").Should().Be("arn:aws:sts::123456789012:assumed-role/reader/from-a");
        issued.Text("role_read_on_b").Should().Be("reader", "B evaluates the role's policy for a session A issued");
        issued.Text("role_policy_on_b", "Code").Should().Be("AccessDenied", "the session has only iam:GetRole");
        issued.Text("token_on_a").Should().Be("arn:aws:iam::123456789012:user/alice");

        // Both replicas stopped; new ones on the same database honour what the old ones issued.
        await using var restarted = await Replicas.StartAsync(database);
        var after = (await restarted.Script("""
            assumed, token, key = json.loads(arg("assumed")), json.loads(arg("token")), json.loads(arg("key"))
            emit({"assumed_on_a": at(A, "sts", assumed["AccessKeyId"], assumed["SecretAccessKey"], assumed["SessionToken"]).get_caller_identity()["Arn"],
                  "token_on_b": at(B, "sts", token["AccessKeyId"], token["SecretAccessKey"], token["SessionToken"]).get_caller_identity()["Arn"],
                  "key_on_a": at(A, "sts", key["AccessKeyId"], key["SecretAccessKey"]).get_caller_identity()["Arn"]})
            """, new Dictionary<string, string>
        {
            ["assumed"] = issued.At("assumed").GetRawText(),
            ["token"] = issued.At("token").GetRawText(),
            ["key"] = issued.At("key").GetRawText(),
        })).Json;

        after.Text("assumed_on_a").Should().Be("arn:aws:sts::123456789012:assumed-role/reader/from-a");
        after.Text("token_on_b").Should().Be("arn:aws:iam::123456789012:user/alice");
        after.Text("key_on_a").Should().Be("arn:aws:iam::123456789012:user/alice");
    }

    [Fact]
    public async Task An_instance_run_on_one_replica_is_described_by_the_other_and_its_association_follows_either()
    {
        await using var replicas = await Replicas.StartAsync(await postgres.CreateDatabaseAsync());

        var result = (await replicas.Script("""
            TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
            a, b, ec2_a, ec2_b = at(A), at(B), at(A, "ec2"), at(B, "ec2")
            a.create_role(RoleName="web", AssumeRolePolicyDocument=TRUST)
            for profile in ("web-1", "web-2"):
                b.create_instance_profile(InstanceProfileName=profile)
                a.add_role_to_instance_profile(InstanceProfileName=profile, RoleName="web")
            instance = ec2_a.run_instances(ImageId="ami-11aa22bb", InstanceType="t3.micro", MinCount=1, MaxCount=1,
                IamInstanceProfile={"Name": "web-1"})["Instances"][0]["InstanceId"]
            on_b = ec2_b.describe_instances(InstanceIds=[instance])["Reservations"][0]["Instances"][0]
            association_on_b = ec2_b.describe_iam_instance_profile_associations(Filters=[{"Name": "instance-id", "Values": [instance]}])["IamInstanceProfileAssociations"]
            replaced = ec2_b.replace_iam_instance_profile_association(AssociationId=association_on_b[0]["AssociationId"],
                IamInstanceProfile={"Name": "web-2"})["IamInstanceProfileAssociation"]
            association_on_a = ec2_a.describe_iam_instance_profile_associations(Filters=[{"Name": "instance-id", "Values": [instance]}])["IamInstanceProfileAssociations"]
            on_a = ec2_a.describe_instances(InstanceIds=[instance])["Reservations"][0]["Instances"][0]
            emit({"instance": instance, "state_on_b": on_b["State"]["Name"], "profile_on_b": on_b["IamInstanceProfile"]["Arn"],
                  "associations_on_b": [(x["IamInstanceProfile"]["Arn"], x["State"]) for x in association_on_b],
                  "replaced_on_b": replaced["AssociationId"],
                  "associations_on_a": [(x["AssociationId"], x["IamInstanceProfile"]["Arn"]) for x in association_on_a],
                  "profile_on_a": on_a["IamInstanceProfile"]["Arn"]})
            """)).Json;

        result.Text("state_on_b").Should().Be("running");
        result.Text("profile_on_b").Should().Be("arn:aws:iam::123456789012:instance-profile/web-1");
        result.At("associations_on_b").ShouldBeJson("""[["arn:aws:iam::123456789012:instance-profile/web-1", "associated"]]""");
        result.At("associations_on_a").ShouldBeJson($"""[["{result.Text("replaced_on_b")}", "arn:aws:iam::123456789012:instance-profile/web-2"]]""");
        result.Text("profile_on_a").Should().Be("arn:aws:iam::123456789012:instance-profile/web-2");
    }
}
