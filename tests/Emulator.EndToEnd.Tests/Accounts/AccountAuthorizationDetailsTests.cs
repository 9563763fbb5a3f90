using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Accounts;

/// <summary>GetAccountAuthorizationDetails through boto3: a role with everything attached to it, documents decoded.</summary>
[Collection(Boto3WorkflowCollection.Name)]
public sealed class AccountAuthorizationDetailsTests(DefaultEmulator emulator)
{
    [Fact]
    public async Task Authorization_details_show_a_role_with_its_inline_policy_attached_policies_and_instance_profile()
    {
        var (role, profile) = (UniqueName.For("detailed"), UniqueName.For("detailed-profile"));
        var result = (await emulator.Boto3().RunAsync("""
            role, profile = arg("ROLE"), arg("PROFILE")
            iam.create_role(RoleName=role, Path="/apps/", AssumeRolePolicyDocument=arg("TRUST"))
            iam.put_role_policy(RoleName=role, PolicyName="S3-Permissions", PolicyDocument=arg("ACCESS"))
            iam.attach_role_policy(RoleName=role, PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")
            iam.create_instance_profile(InstanceProfileName=profile)
            iam.add_role_to_instance_profile(InstanceProfileName=profile, RoleName=role)
            details = []
            for page in iam.get_paginator("get_account_authorization_details").paginate(Filter=["Role"]):
                details.extend(page["RoleDetailList"])
            emit([d for d in details if d["RoleName"] == role])
            """, new Dictionary<string, string>
        {
            ["ROLE"] = role,
            ["PROFILE"] = profile,
            ["TRUST"] = PolicyDocuments.Ec2TrustPolicy,
            ["ACCESS"] = PolicyDocuments.S3AccessPolicy,
        })).ShouldSucceed().Json;

        var detail = result.EnumerateArray().Should().ContainSingle().Subject;
        detail.Text("Arn").Should().Be($"arn:aws:iam::123456789012:role/apps/{role}");
        detail.Text("Path").Should().Be("/apps/");
        detail.At("AssumeRolePolicyDocument").ShouldBeJson(PolicyDocuments.Ec2TrustPolicy);
        var inline = detail.Items("RolePolicyList").Should().ContainSingle().Subject;
        inline.Text("PolicyName").Should().Be("S3-Permissions");
        inline.At("PolicyDocument").ShouldBeJson(PolicyDocuments.S3AccessPolicy);
        detail.Items("AttachedManagedPolicies").Select(p => p.Text("PolicyArn")).Should().Equal("arn:aws:iam::aws:policy/ReadOnlyAccess");
        detail.Items("InstanceProfileList").Select(p => p.Text("InstanceProfileName")).Should().Equal(profile);
    }
}
