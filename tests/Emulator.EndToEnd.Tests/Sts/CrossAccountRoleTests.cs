using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Sts;

/// <summary>
/// Seed 003, a role in account A for account B: RoleForB trusts B's root, B's user needs its own policy
/// allowing sts:AssumeRole on it; the user runs <c>aws sts assume-role</c>, exports
/// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN from the output and works in account A.
/// </summary>
[Collection(StsCliCollection.Name)]
public sealed class CrossAccountRoleTests(StsEmulator emulator)
{
    private static readonly string RoleForB = StsEmulator.RoleArn("RoleForB");

    [Fact]
    public async Task Credentials_exported_from_assume_role_act_as_the_role_in_account_A()
    {
        var assumed = (await emulator.Cli(StsEmulator.Ops).RunAsync("sts", "assume-role", "--role-arn", RoleForB, "--role-session-name", "EC2FromB"))
            .ShouldSucceed().Json;

        var credentials = assumed.At("Credentials");
        credentials.Text("AccessKeyId").Should().MatchRegex("^ASIA[A-Z2-7]{16}$");
        credentials.Text("SecretAccessKey").Should().HaveLength(40);
        credentials.Text("SessionToken").Should().NotBeNullOrWhiteSpace();
        DateTimeOffset.Parse(credentials.Text("Expiration")).Should().BeCloseTo(DateTimeOffset.UtcNow.AddHours(1), TimeSpan.FromMinutes(2));
        assumed.Text("AssumedRoleUser", "Arn").Should().Be("arn:aws:sts::111111111111:assumed-role/RoleForB/EC2FromB");
        assumed.Text("AssumedRoleUser", "AssumedRoleId").Should().MatchRegex("^AROA[A-Z2-7]{17}:EC2FromB$");

        // export AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… AWS_SESSION_TOKEN=…
        var exported = emulator.Cli(new AwsCredentials(
            credentials.Text("AccessKeyId"), credentials.Text("SecretAccessKey"), credentials.Text("SessionToken")));
        var identity = (await exported.RunAsync("sts", "get-caller-identity")).ShouldSucceed().Json;
        var role = (await exported.RunAsync("iam", "get-role", "--role-name", "RoleForB")).ShouldSucceed().Json;

        identity.Text("Account").Should().Be(StsEmulator.AccountA);
        identity.Text("Arn").Should().Be("arn:aws:sts::111111111111:assumed-role/RoleForB/EC2FromB");
        identity.Text("UserId").Should().Be(assumed.Text("AssumedRoleUser", "AssumedRoleId"));
        role.Text("Role", "Arn").Should().Be(RoleForB, "ReadOnlyAccess lets the session read account A's roles");
    }

    [Fact]
    public async Task A_user_of_account_B_without_a_policy_allowing_sts_AssumeRole_is_denied_although_the_trust_policy_names_account_B()
    {
        var result = await emulator.Cli(StsEmulator.Idle).RunAsync("sts", "assume-role", "--role-arn", RoleForB, "--role-session-name", "EC2FromB");

        var error = result.ShouldFailWith("AccessDenied");
        error.Message.Should().StartWith(
            "User: arn:aws:iam::222222222222:user/idle is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/RoleForB");
    }
}
