using System.Text.Json;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Roles;

/// <summary>
/// The AWS CLI flow of the EC2 roles guide (seed 004): a role trusted by EC2, its S3 policy, an
/// instance profile holding it, and the rules around that profile (one role, deletion order).
/// </summary>
[Collection(CliWorkflowCollection.Name)]
public sealed class InstanceProfileWorkflowTests(DefaultEmulator emulator) : IDisposable
{
    private readonly ScratchDirectory files = new();

    [Fact]
    public async Task The_EC2_role_guide_flow_creates_a_role_with_its_policy_in_an_instance_profile()
    {
        files.Write("ec2-role-trust-policy.json", PolicyDocuments.Ec2TrustPolicy);
        files.Write("ec2-role-access-policy.json", PolicyDocuments.S3AccessPolicy);
        var aws = emulator.Cli(workingDirectory: files.Path);

        var created = (await aws.RunAsync("iam", "create-role", "--role-name", "s3access",
            "--assume-role-policy-document", "file://ec2-role-trust-policy.json")).ShouldSucceed().Json.At("Role");
        created.Text("RoleName").Should().Be("s3access");
        created.Text("Arn").Should().Be("arn:aws:iam::123456789012:role/s3access");
        created.Text("Path").Should().Be("/");
        var roleId = created.Text("RoleId");
        roleId.Should().StartWith("AROA").And.HaveLength(21).And.MatchRegex("^AROA[A-Z2-7]{17}$");
        DateTimeOffset.Parse(created.Text("CreateDate")).Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        created.At("AssumeRolePolicyDocument").ValueKind.Should().Be(JsonValueKind.Object, "the CLI decodes the URL-encoded document");
        created.At("AssumeRolePolicyDocument").ShouldBeJson(PolicyDocuments.Ec2TrustPolicy);
        created.Has("MaxSessionDuration").Should().BeFalse("CreateRole's Role has no MaxSessionDuration");
        created.Has("RoleLastUsed").Should().BeFalse("CreateRole's Role has no RoleLastUsed");

        var put = (await aws.RunAsync("iam", "put-role-policy", "--role-name", "s3access", "--policy-name", "S3-Permissions",
            "--policy-document", "file://ec2-role-access-policy.json")).ShouldSucceed();
        put.Stdout.Should().BeEmpty("PutRolePolicy has no output");

        var policy = (await aws.RunAsync("iam", "get-role-policy", "--role-name", "s3access", "--policy-name", "S3-Permissions"))
            .ShouldSucceed().Json;
        policy.Text("RoleName").Should().Be("s3access");
        policy.Text("PolicyName").Should().Be("S3-Permissions");
        policy.At("PolicyDocument").ShouldBeJson(PolicyDocuments.S3AccessPolicy);

        var profile = (await aws.RunAsync("iam", "create-instance-profile", "--instance-profile-name", "s3access-profile"))
            .ShouldSucceed().Json.At("InstanceProfile");
        profile.Text("InstanceProfileName").Should().Be("s3access-profile");
        profile.Text("InstanceProfileId").Should().MatchRegex("^AIPA[A-Z2-7]{17}$");
        profile.Text("Arn").Should().Be("arn:aws:iam::123456789012:instance-profile/s3access-profile");
        profile.Text("Path").Should().Be("/");
        profile.Items("Roles").Should().BeEmpty();

        (await aws.RunAsync("iam", "add-role-to-instance-profile", "--instance-profile-name", "s3access-profile", "--role-name", "s3access"))
            .ShouldSucceed().Stdout.Should().BeEmpty();

        var withRole = (await aws.RunAsync("iam", "get-instance-profile", "--instance-profile-name", "s3access-profile"))
            .ShouldSucceed().Json.At("InstanceProfile");
        withRole.Text("InstanceProfileId").Should().Be(profile.Text("InstanceProfileId"));
        var roles = withRole.Items("Roles");
        roles.Should().ContainSingle();
        roles[0].Text("RoleName").Should().Be("s3access");
        roles[0].Text("RoleId").Should().Be(roleId);
        roles[0].At("AssumeRolePolicyDocument").ShouldBeJson(PolicyDocuments.Ec2TrustPolicy);

        var role = (await aws.RunAsync("iam", "get-role", "--role-name", "s3access")).ShouldSucceed().Json.At("Role");
        role.Text("RoleId").Should().Be(roleId);
        role.At("MaxSessionDuration").GetInt32().Should().Be(3600);
        role.At("RoleLastUsed").ValueKind.Should().Be(JsonValueKind.Object, "GetRole always has RoleLastUsed, empty when never used");

        var forRole = (await aws.RunAsync("iam", "list-instance-profiles-for-role", "--role-name", "s3access")).ShouldSucceed().Json;
        forRole.Items("InstanceProfiles").Select(p => p.Text("InstanceProfileName")).Should().Equal("s3access-profile");
        forRole.Items("InstanceProfiles", 0, "Roles").Select(r => r.Text("RoleName")).Should().Equal("s3access");
    }

    [Fact]
    public async Task Adding_a_second_role_to_a_profile_is_LimitExceeded()
    {
        var (first, second, profile) = (UniqueName.For("first"), UniqueName.For("second"), UniqueName.For("profile"));
        await SetUpAsync(first, second, profile, addFirstRole: true, putInlinePolicy: false);
        var aws = emulator.Cli();

        var error = (await aws.RunAsync("iam", "add-role-to-instance-profile", "--instance-profile-name", profile, "--role-name", second))
            .ShouldFailWith("LimitExceeded");
        error.Operation.Should().Be("AddRoleToInstanceProfile");
        error.Message.Should().Be("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");

        var afterwards = (await aws.RunAsync("iam", "get-instance-profile", "--instance-profile-name", profile)).ShouldSucceed().Json;
        afterwards.Items("InstanceProfile", "Roles").Select(r => r.Text("RoleName")).Should().Equal(first);
    }

    [Fact]
    public async Task Deleting_a_role_in_a_profile_is_DeleteConflict_until_the_documented_order_is_followed()
    {
        var (role, unused, profile) = (UniqueName.For("app"), UniqueName.For("unused"), UniqueName.For("profile"));
        await SetUpAsync(role, unused, profile, addFirstRole: true, putInlinePolicy: true);
        var aws = emulator.Cli();

        var inProfile = (await aws.RunAsync("iam", "delete-role", "--role-name", role)).ShouldFailWith("DeleteConflict");
        inProfile.Message.Should().Be("Cannot delete entity, must remove roles from instance profile first.");
        (await aws.RunAsync("iam", "get-role", "--role-name", role)).ShouldSucceed().Json.Text("Role", "RoleName").Should().Be(role);

        (await aws.RunAsync("iam", "remove-role-from-instance-profile", "--instance-profile-name", profile, "--role-name", role)).ShouldSucceed();

        var withInlinePolicy = (await aws.RunAsync("iam", "delete-role", "--role-name", role)).ShouldFailWith("DeleteConflict");
        withInlinePolicy.Message.Should().Be("Cannot delete entity, must delete policies first.");

        (await aws.RunAsync("iam", "delete-role-policy", "--role-name", role, "--policy-name", "S3-Permissions")).ShouldSucceed();
        (await aws.RunAsync("iam", "delete-role", "--role-name", role)).ShouldSucceed().Stdout.Should().BeEmpty();

        var gone = (await aws.RunAsync("iam", "get-role", "--role-name", role)).ShouldFailWith("NoSuchEntity");
        gone.Message.Should().Be($"The role with name {role} cannot be found.");
    }

    public void Dispose() => files.Dispose();

    /// <summary>Two roles and a profile (optionally holding the first role, which may get an inline policy), made with boto3 to keep CLI calls few.</summary>
    private async Task SetUpAsync(string firstRole, string secondRole, string profile, bool addFirstRole, bool putInlinePolicy)
    {
        var result = await emulator.Boto3().RunAsync("""
            trust = arg("TRUST")
            for name in (arg("FIRST"), arg("SECOND")):
                iam.create_role(RoleName=name, AssumeRolePolicyDocument=trust)
            iam.create_instance_profile(InstanceProfileName=arg("PROFILE"))
            if arg("ADD") == "yes":
                iam.add_role_to_instance_profile(InstanceProfileName=arg("PROFILE"), RoleName=arg("FIRST"))
            if arg("INLINE") == "yes":
                iam.put_role_policy(RoleName=arg("FIRST"), PolicyName="S3-Permissions", PolicyDocument=arg("ACCESS"))
            emit({"ok": True})
            """, new Dictionary<string, string>
        {
            ["TRUST"] = PolicyDocuments.Ec2TrustPolicy,
            ["ACCESS"] = PolicyDocuments.S3AccessPolicy,
            ["FIRST"] = firstRole,
            ["SECOND"] = secondRole,
            ["PROFILE"] = profile,
            ["ADD"] = addFirstRole ? "yes" : "no",
            ["INLINE"] = putInlinePolicy ? "yes" : "no",
        });
        result.ShouldSucceed();
    }
}
