using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Policies;

/// <summary>Customer and AWS managed policies through boto3: versions, attachments and their listings.</summary>
[Collection(Boto3WorkflowCollection.Name)]
public sealed class ManagedPolicyTests(DefaultEmulator emulator)
{
    [Fact]
    public async Task A_sixth_policy_version_is_LimitExceeded_and_version_ids_are_never_reused()
    {
        var policy = UniqueName.For("versions");
        var result = (await emulator.Boto3().RunAsync("""
            def document(n):
                return json.dumps({"Version": "2012-10-17", "Statement": [
                    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket-%d/*" % n}]})
            created = iam.create_policy(PolicyName=arg("POLICY"), PolicyDocument=document(1))["Policy"]
            arn = created["Arn"]
            added = [iam.create_policy_version(PolicyArn=arn, PolicyDocument=document(n), SetAsDefault=(n == 5))["PolicyVersion"]["VersionId"]
                     for n in range(2, 6)]
            sixth = error_of(iam.create_policy_version, PolicyArn=arn, PolicyDocument=document(6))
            versions = iam.list_policy_versions(PolicyArn=arn)["Versions"]
            iam.delete_policy_version(PolicyArn=arn, VersionId="v2")
            replacement = iam.create_policy_version(PolicyArn=arn, PolicyDocument=document(6))["PolicyVersion"]["VersionId"]
            emit({
                "created": created,
                "added": added,
                "sixth": sixth,
                "versions": [{"id": v["VersionId"], "default": v["IsDefaultVersion"]} for v in versions],
                "replacement": replacement,
                "v6": iam.get_policy_version(PolicyArn=arn, VersionId="v6")["PolicyVersion"]["Document"],
                "defaultVersion": iam.get_policy(PolicyArn=arn)["Policy"]["DefaultVersionId"],
                "deleteDefault": error_of(iam.delete_policy_version, PolicyArn=arn, VersionId="v5"),
            })
            """, new Dictionary<string, string> { ["POLICY"] = policy })).ShouldSucceed().Json;

        var created = result.At("created");
        created.Text("Arn").Should().Be($"arn:aws:iam::123456789012:policy/{policy}");
        created.Text("PolicyId").Should().MatchRegex("^ANPA[A-Z2-7]{17}$");
        created.Text("DefaultVersionId").Should().Be("v1");
        created.At("AttachmentCount").GetInt32().Should().Be(0);
        created.At("IsAttachable").GetBoolean().Should().BeTrue();

        result.Items("added").Select(v => v.GetString()).Should().Equal("v2", "v3", "v4", "v5");
        result.Text("sixth", "Code").Should().Be("LimitExceeded");
        result.Text("sixth", "Message").Should().Be(
            "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.");
        result.Items("versions").Select(v => v.Text("id")).Should().BeEquivalentTo("v1", "v2", "v3", "v4", "v5");
        result.Items("versions").Where(v => v.At("default").GetBoolean()).Select(v => v.Text("id")).Should().Equal("v5");
        result.Text("replacement").Should().Be("v6", "version ids increase monotonically; deleted numbers are not reused");
        result.Text("v6", "Statement", 0, "Resource").Should().Be("arn:aws:s3:::bucket-6/*", "boto3 decodes the version's document");
        result.Text("defaultVersion").Should().Be("v5");
        result.Text("deleteDefault", "Code").Should().Be("DeleteConflict");
        result.Text("deleteDefault", "Message").Should().Be("Cannot delete the default version of a policy.");
    }

    [Fact]
    public async Task A_policy_attached_to_a_role_user_and_group_is_listed_for_each_and_cannot_be_deleted()
    {
        var (policy, role, user, group) = (UniqueName.For("shared"), UniqueName.For("role"), UniqueName.For("user"), UniqueName.For("group"));
        var result = (await emulator.Boto3().RunAsync("""
            readonly = "arn:aws:iam::aws:policy/ReadOnlyAccess"
            arn = iam.create_policy(PolicyName=arg("POLICY"), PolicyDocument=json.dumps({"Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]}))["Policy"]["Arn"]
            iam.create_role(RoleName=arg("ROLE"), AssumeRolePolicyDocument=arg("TRUST"))
            iam.create_user(UserName=arg("USER"))
            iam.create_group(GroupName=arg("GROUP"))
            iam.attach_role_policy(RoleName=arg("ROLE"), PolicyArn=arn)
            iam.attach_role_policy(RoleName=arg("ROLE"), PolicyArn=readonly)
            iam.attach_user_policy(UserName=arg("USER"), PolicyArn=arn)
            iam.attach_group_policy(GroupName=arg("GROUP"), PolicyArn=arn)
            entities = iam.list_entities_for_policy(PolicyArn=arn)
            emit({
                "arn": arn,
                "attachedToRole": iam.list_attached_role_policies(RoleName=arg("ROLE"))["AttachedPolicies"],
                "attachedToUser": iam.list_attached_user_policies(UserName=arg("USER"))["AttachedPolicies"],
                "attachedToGroup": iam.list_attached_group_policies(GroupName=arg("GROUP"))["AttachedPolicies"],
                "roles": [r["RoleName"] for r in entities["PolicyRoles"]],
                "users": [u["UserName"] for u in entities["PolicyUsers"]],
                "groups": [g["GroupName"] for g in entities["PolicyGroups"]],
                "attachmentCount": iam.get_policy(PolicyArn=arn)["Policy"]["AttachmentCount"],
                "readOnly": iam.get_policy(PolicyArn=readonly)["Policy"],
                "deleteAttached": error_of(iam.delete_policy, PolicyArn=arn),
                "deleteRole": error_of(iam.delete_role, RoleName=arg("ROLE")),
            })
            """, new Dictionary<string, string>
        {
            ["POLICY"] = policy,
            ["ROLE"] = role,
            ["USER"] = user,
            ["GROUP"] = group,
            ["TRUST"] = PolicyDocuments.Ec2TrustPolicy,
        })).ShouldSucceed().Json;

        var arn = result.Text("arn");
        result.Items("attachedToRole").Select(p => (p.Text("PolicyName"), p.Text("PolicyArn")))
            .Should().BeEquivalentTo(new[] { (policy, arn), ("ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess") });
        result.Items("attachedToUser").Select(p => p.Text("PolicyArn")).Should().Equal(arn);
        result.Items("attachedToGroup").Select(p => p.Text("PolicyArn")).Should().Equal(arn);
        result.Items("roles").Select(r => r.GetString()).Should().Equal(role);
        result.Items("users").Select(u => u.GetString()).Should().Equal(user);
        result.Items("groups").Select(g => g.GetString()).Should().Equal(group);
        result.At("attachmentCount").GetInt32().Should().Be(3);
        result.Text("readOnly", "Arn").Should().Be("arn:aws:iam::aws:policy/ReadOnlyAccess");
        result.At("readOnly", "AttachmentCount").GetInt32().Should().BeGreaterThanOrEqualTo(1);
        result.Text("deleteAttached", "Code").Should().Be("DeleteConflict");
        result.Text("deleteAttached", "Message").Should().Be("Cannot delete a policy attached to entities.");
        result.Text("deleteRole", "Code").Should().Be("DeleteConflict");
        result.Text("deleteRole", "Message").Should().Be("Cannot delete entity, must detach all policies first.");
    }
}
