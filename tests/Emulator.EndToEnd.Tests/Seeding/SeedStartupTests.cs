using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Seeding;

/// <summary>Starting the server: a bad seed stops it with exit code 2 and names the field; no seed gives the documented default account.</summary>
public sealed class SeedStartupTests
{
    [Fact]
    public async Task A_seed_role_with_a_malformed_trust_policy_exits_2_naming_the_field()
    {
        const string seed = """
            {"accounts":[{"id":"111111111111","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAAA","rootSecretAccessKey":"secret",
              "roles":[{"RoleName":"broken","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}}]}]}
            """;

        var exit = await EmulatorProcess.RunUntilExitAsync(seed);

        exit.ExitCode.Should().Be(2, "the server should refuse the seed; it printed {0}", exit.Describe());
        exit.Stderr.Should().Contain("accounts[0].roles[0].AssumeRolePolicyDocument").And.Contain("MalformedPolicyDocument");
    }

    [Fact]
    public async Task A_seed_with_an_unknown_field_exits_2_naming_the_field()
    {
        const string seed = """
            {"accounts":[{"id":"111111111111","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAAA","rootSecretAccessKey":"secret",
              "roles":[{"RoleName":"r","RoleNmae":"typo","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}}]}]}
            """;

        var exit = await EmulatorProcess.RunUntilExitAsync(seed);

        exit.ExitCode.Should().Be(2, "the server should refuse the seed; it printed {0}", exit.Describe());
        exit.Stderr.Should().Contain("accounts[0].roles[0].RoleNmae");
    }

    [Fact]
    public async Task Without_a_seed_the_documented_root_keys_list_roles_right_away()
    {
        using var emulator = await EmulatorProcess.StartAsync();

        var health = await emulator.HealthAsync();
        health.Items("accounts").Select(a => a.GetString()).Should().Equal(AwsCredentials.DefaultAccountId);
        var roles = (await emulator.Cli(AwsCredentials.DefaultRoot).RunAsync("iam", "list-roles")).ShouldSucceed().Json;
        roles.Items("Roles").Should().BeEmpty();
    }
}
