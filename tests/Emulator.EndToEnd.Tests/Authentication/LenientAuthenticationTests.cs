using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Authentication;

/// <summary>
/// <c>--auth lenient</c> lets suites that sign with dummy keys run unchanged: an unknown key acts as
/// the root of the account its 12-digit id names, or of the default account; known keys are still verified.
/// </summary>
[Collection(LenientEmulatorCollection.Name)]
public sealed class LenientAuthenticationTests(LenientEmulator emulator) : IDisposable
{
    private readonly ScratchDirectory files = new();

    [Fact]
    public async Task The_dummy_key_test_acts_as_root_of_the_default_account()
    {
        files.Write("ec2-role-trust-policy.json", PolicyDocuments.Ec2TrustPolicy);
        var dummy = emulator.Cli(new AwsCredentials("test", "test"), files.Path);
        var role = UniqueName.For("lenient");

        (await dummy.RunAsync("iam", "list-roles")).ShouldSucceed().Json.At("Roles").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Array);
        var created = (await dummy.RunAsync("iam", "create-role", "--role-name", role,
            "--assume-role-policy-document", "file://ec2-role-trust-policy.json")).ShouldSucceed().Json;
        created.Text("Role", "Arn").Should().Be($"arn:aws:iam::123456789012:role/{role}");

        var seenByRealRoot = (await emulator.Cli().RunAsync("iam", "get-role", "--role-name", role)).ShouldSucceed().Json;
        seenByRealRoot.Text("Role", "RoleId").Should().Be(created.Text("Role", "RoleId"));
    }

    [Fact]
    public async Task A_12_digit_key_id_acts_as_root_of_that_account()
    {
        files.Write("ec2-role-trust-policy.json", PolicyDocuments.Ec2TrustPolicy);
        var other = emulator.Cli(new AwsCredentials("111111111111", "x"), files.Path);
        var role = UniqueName.For("other-account");

        var created = (await other.RunAsync("iam", "create-role", "--role-name", role,
            "--assume-role-policy-document", "file://ec2-role-trust-policy.json")).ShouldSucceed().Json;
        created.Text("Role", "Arn").Should().Be($"arn:aws:iam::111111111111:role/{role}");

        var fromDefaultAccount = (await emulator.Cli().RunAsync("iam", "get-role", "--role-name", role)).ShouldFailWith("NoSuchEntity");
        fromDefaultAccount.Message.Should().Be($"The role with name {role} cannot be found.");
    }

    [Fact]
    public async Task A_known_key_with_a_wrong_secret_is_still_SignatureDoesNotMatch()
    {
        var aws = emulator.Cli(AwsCredentials.DefaultRoot.WithSecret("not-the-secret"));

        (await aws.RunAsync("iam", "list-roles")).ShouldFailWith("SignatureDoesNotMatch");
    }

    public void Dispose() => files.Dispose();
}
