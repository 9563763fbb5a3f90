using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Roles;

/// <summary>The smaller IAM rules around roles and instance profiles, checked in one boto3 run each.</summary>
[Collection(Boto3WorkflowCollection.Name)]
public sealed class RoleAndProfileRulesTests(DefaultEmulator emulator)
{
    [Fact]
    public async Task Names_are_unique_ignoring_case_and_answers_use_the_stored_case()
    {
        var role = UniqueName.For("CamelRole");
        var result = (await emulator.Boto3().RunAsync("""
            role = arg("ROLE")
            iam.create_role(RoleName=role, AssumeRolePolicyDocument=arg("TRUST"))
            emit({
                "duplicate": error_of(iam.create_role, RoleName=role.upper(), AssumeRolePolicyDocument=arg("TRUST")),
                "lookedUpLower": iam.get_role(RoleName=role.lower())["Role"]["RoleName"],
            })
            """, new Dictionary<string, string> { ["ROLE"] = role, ["TRUST"] = PolicyDocuments.Ec2TrustPolicy })).ShouldSucceed().Json;

        result.Text("duplicate", "Code").Should().Be("EntityAlreadyExists");
        result.At("duplicate", "Status").GetInt32().Should().Be(409);
        result.Text("lookedUpLower").Should().Be(role);
    }

    [Fact]
    public async Task A_profile_refuses_the_same_role_twice_and_removing_an_absent_role_is_NoSuchEntity()
    {
        var (role, other, profile) = (UniqueName.For("held"), UniqueName.For("absent"), UniqueName.For("profile"));
        var result = (await emulator.Boto3().RunAsync("""
            role, other, profile = arg("ROLE"), arg("OTHER"), arg("PROFILE")
            for name in (role, other):
                iam.create_role(RoleName=name, AssumeRolePolicyDocument=arg("TRUST"))
            iam.create_instance_profile(InstanceProfileName=profile, Path="/ec2/")
            iam.add_role_to_instance_profile(InstanceProfileName=profile, RoleName=role)
            again = error_of(iam.add_role_to_instance_profile, InstanceProfileName=profile, RoleName=role)
            remove_absent = error_of(iam.remove_role_from_instance_profile, InstanceProfileName=profile, RoleName=other)
            delete_with_role = error_of(iam.delete_instance_profile, InstanceProfileName=profile)
            iam.remove_role_from_instance_profile(InstanceProfileName=profile, RoleName=role)
            iam.delete_instance_profile(InstanceProfileName=profile)
            emit({
                "again": again,
                "removeAbsent": remove_absent,
                "deleteWithRole": delete_with_role,
                "afterDelete": error_of(iam.get_instance_profile, InstanceProfileName=profile),
                "profilesForRole": iam.list_instance_profiles_for_role(RoleName=role)["InstanceProfiles"],
            })
            """, new Dictionary<string, string>
        {
            ["ROLE"] = role,
            ["OTHER"] = other,
            ["PROFILE"] = profile,
            ["TRUST"] = PolicyDocuments.Ec2TrustPolicy,
        })).ShouldSucceed().Json;

        result.Text("again", "Code").Should().Be("LimitExceeded");
        result.Text("again", "Message").Should().Be("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
        result.Text("removeAbsent", "Code").Should().Be("NoSuchEntity");
        result.Text("removeAbsent", "Message").Should().Be($"Role {other} in Instance Profile {profile} cannot be found.");
        result.Text("deleteWithRole", "Code").Should().Be("DeleteConflict");
        result.Text("afterDelete", "Code").Should().Be("NoSuchEntity");
        result.Text("afterDelete", "Message").Should().Be($"Instance Profile {profile} cannot be found.");
        result.Items("profilesForRole").Should().BeEmpty();
    }

    [Fact]
    public async Task A_trust_policy_naming_a_user_that_does_not_exist_is_MalformedPolicyDocument()
    {
        var role = UniqueName.For("ghost-trust");
        var result = (await emulator.Boto3().RunAsync("""
            ghost = "arn:aws:iam::123456789012:user/" + arg("ROLE") + "-nobody"
            trust = json.dumps({"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Principal": {"AWS": ghost}, "Action": "sts:AssumeRole"}]})
            emit({
                "ghost": ghost,
                "error": error_of(iam.create_role, RoleName=arg("ROLE"), AssumeRolePolicyDocument=trust),
            })
            """, new Dictionary<string, string> { ["ROLE"] = role })).ShouldSucceed().Json;

        result.Text("error", "Code").Should().Be("MalformedPolicyDocument");
        result.Text("error", "Message").Should().Be($"Invalid principal in policy: \"AWS\":\"{result.Text("ghost")}\"");
    }
}
