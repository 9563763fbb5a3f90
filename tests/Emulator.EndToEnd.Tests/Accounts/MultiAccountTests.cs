using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Accounts;

/// <summary>A seed with two accounts: each root sees only its own account, ARNs carry the owner's id, and reset restores the seed.</summary>
[Collection(MultiAccountEmulatorCollection.Name)]
public sealed class MultiAccountTests(MultiAccountEmulator emulator) : IDisposable
{
    private readonly ScratchDirectory files = new();

    [Fact]
    public async Task Health_lists_both_seeded_accounts()
    {
        var health = await emulator.HealthAsync();

        health.Text("status").Should().Be("ok");
        health.Items("accounts").Select(a => a.GetString()).Should().BeEquivalentTo(MultiAccountEmulator.AccountA, MultiAccountEmulator.AccountB);
    }

    [Fact]
    public async Task A_role_created_in_account_A_is_invisible_to_account_B_which_may_reuse_its_name()
    {
        files.Write("ec2-role-trust-policy.json", PolicyDocuments.Ec2TrustPolicy);
        var accountA = emulator.Cli(MultiAccountEmulator.RootA, files.Path);
        var accountB = emulator.Cli(MultiAccountEmulator.RootB, files.Path);
        var role = UniqueName.For("shared-name");

        var inA = (await accountA.RunAsync("iam", "create-role", "--role-name", role,
            "--assume-role-policy-document", "file://ec2-role-trust-policy.json")).ShouldSucceed().Json;
        inA.Text("Role", "Arn").Should().Be($"arn:aws:iam::111111111111:role/{role}");

        var fromB = (await accountB.RunAsync("iam", "get-role", "--role-name", role)).ShouldFailWith("NoSuchEntity");
        fromB.Message.Should().Be($"The role with name {role} cannot be found.");

        var inB = (await accountB.RunAsync("iam", "create-role", "--role-name", role,
            "--assume-role-policy-document", "file://ec2-role-trust-policy.json")).ShouldSucceed().Json;
        inB.Text("Role", "Arn").Should().Be($"arn:aws:iam::222222222222:role/{role}");
        inB.Text("Role", "RoleId").Should().NotBe(inA.Text("Role", "RoleId"));
    }

    [Fact]
    public async Task Seeded_entities_exist_in_their_account_and_reset_removes_everything_else()
    {
        files.Write("ec2-role-trust-policy.json", PolicyDocuments.Ec2TrustPolicy);
        var accountA = emulator.Cli(MultiAccountEmulator.RootA, files.Path);
        var scratchRole = UniqueName.For("before-reset");
        (await accountA.RunAsync("iam", "create-role", "--role-name", scratchRole,
            "--assume-role-policy-document", "file://ec2-role-trust-policy.json")).ShouldSucceed();

        await emulator.ResetAsync();

        (await accountA.RunAsync("iam", "get-role", "--role-name", scratchRole)).ShouldFailWith("NoSuchEntity");
        var profile = (await accountA.RunAsync("iam", "get-instance-profile", "--instance-profile-name", MultiAccountEmulator.SeededInstanceProfileName))
            .ShouldSucceed().Json.At("InstanceProfile");
        profile.Text("Arn").Should().Be($"arn:aws:iam::111111111111:instance-profile/{MultiAccountEmulator.SeededInstanceProfileName}");
        var role = profile.Items("Roles").Should().ContainSingle().Subject;
        role.Text("RoleName").Should().Be(MultiAccountEmulator.SeededRoleName);
        role.Text("Arn").Should().Be($"arn:aws:iam::111111111111:role/{MultiAccountEmulator.SeededRoleName}");
        role.At("AssumeRolePolicyDocument").ShouldBeJson(PolicyDocuments.Ec2TrustPolicy);

        var seeded = (await emulator.Boto3(MultiAccountEmulator.RootA).RunAsync("""
            emit({
                "inline": iam.get_role_policy(RoleName=arg("ROLE"), PolicyName="S3-Permissions")["PolicyDocument"],
                "keys": [k["AccessKeyId"] for k in iam.list_access_keys(UserName=arg("USER"))["AccessKeyMetadata"]],
                "userArn": iam.get_user(UserName=arg("USER"))["User"]["Arn"],
                "fromB": error_of(client("iam", arg("B_KEY"), arg("B_SECRET")).get_role, RoleName=arg("ROLE")),
            })
            """, new Dictionary<string, string>
        {
            ["ROLE"] = MultiAccountEmulator.SeededRoleName,
            ["USER"] = MultiAccountEmulator.SeededUserName,
            ["B_KEY"] = MultiAccountEmulator.RootB.AccessKeyId,
            ["B_SECRET"] = MultiAccountEmulator.RootB.SecretAccessKey,
        })).ShouldSucceed().Json;
        seeded.At("inline").ShouldBeJson(PolicyDocuments.S3AccessPolicy);
        seeded.Items("keys").Select(k => k.GetString()).Should().Equal(MultiAccountEmulator.AliceKey.AccessKeyId);
        seeded.Text("userArn").Should().Be("arn:aws:iam::111111111111:user/alice");
        seeded.Text("fromB", "Code").Should().Be("NoSuchEntity");
    }

    public void Dispose() => files.Dispose();
}
