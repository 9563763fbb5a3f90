using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Accounts;

/// <summary>
/// --quota raises (or lowers) IAM quotas for load tests: the real server holds more roles than AWS's default
/// 1,000, refuses the one beyond the configured value, and reports it through GetAccountSummary.
/// </summary>
public sealed class QuotaOptionTests
{
    [Fact]
    public async Task RolesPerAccount_raised_to_1200_holds_1200_roles_through_boto3_and_the_CLI_reports_it()
    {
        using var emulator = await EmulatorProcess.StartAsync(null, "--quota", "RolesPerAccount=1200", "--quota", "PoliciesPerRole=15");

        var result = (await emulator.Boto3().RunAsync("""
            trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
            for i in range(1200):
                iam.create_role(RoleName=f"load-{i:04d}", AssumeRolePolicyDocument=trust)
            listed = sum(len(page["Roles"]) for page in iam.get_paginator("list_roles").paginate())
            emit({"listed": listed, "beyond": error_of(iam.create_role, RoleName="load-1200", AssumeRolePolicyDocument=trust)})
            """)).ShouldSucceed().Json;
        var summary = (await emulator.Cli().RunAsync("iam", "get-account-summary")).ShouldSucceed().Json.GetProperty("SummaryMap");

        result.GetProperty("listed").GetInt32().Should().Be(1200);
        result.GetProperty("beyond").GetProperty("Code").GetString().Should().Be("LimitExceeded");
        result.GetProperty("beyond").GetProperty("Message").GetString().Should().Be("Cannot exceed quota for RolesPerAccount: 1200");
        result.GetProperty("beyond").GetProperty("Status").GetInt32().Should().Be(409);
        summary.GetProperty("Roles").GetInt32().Should().Be(1200);
        summary.GetProperty("RolesQuota").GetInt32().Should().Be(1200);
        summary.GetProperty("AttachedPoliciesPerRoleQuota").GetInt32().Should().Be(15);
        summary.GetProperty("UsersQuota").GetInt32().Should().Be(5000);
    }

    [Theory]
    [InlineData("RolesPerAcount=10", "emulator: --quota: 'RolesPerAcount' is not a quota. Quotas (with AWS's defaults): UsersPerAccount=5000,")]
    [InlineData("RolesPerAccount=0", "emulator: --quota: RolesPerAccount must be a whole number from 1 to 2147483647, not '0'.")]
    public async Task A_bad_quota_stops_the_start_with_exit_code_2_and_one_line_saying_why(string setting, string message)
    {
        var exit = await EmulatorProcess.RunUntilExitAsync(null, "--quota", setting);

        exit.ExitCode.Should().Be(2, "the server should refuse the quota; it printed {0}", exit.Describe());
        exit.Stderr.Trim().Should().StartWith(message).And.NotContain("\n").And.NotContain("   at ");
    }
}

/// <summary>Options from the environment: EMULATOR_&lt;OPTION&gt; only, never a bare variable that shares an option's name.</summary>
public sealed class EnvironmentOptionTests
{
    [Fact]
    public async Task EMULATOR_variables_configure_the_server_and_bare_SEED_AUTH_and_QUOTA_do_not()
    {
        var variables = new Dictionary<string, string>
        {
            ["EMULATOR_QUOTA"] = "RolesPerAccount=7",
            ["EMULATOR_TRAIL_SIZE"] = "2",
            ["SEED"] = "/nonexistent/seed.json",
            ["AUTH"] = "lenient",
            ["QUOTA"] = "UsersPerAccount=3",
        };
        using var emulator = await EmulatorProcess.StartWithEnvironmentAsync(variables);

        var summary = (await emulator.Cli().RunAsync("iam", "get-account-summary")).ShouldSucceed().Json.GetProperty("SummaryMap");
        var unknownKey = await emulator.Cli(new AwsCredentials("AKIAUNKNOWNUNKNOWN01", "unknown-secret")).RunAsync("sts", "get-caller-identity");
        await emulator.Cli().RunAsync("iam", "list-roles");
        await emulator.Cli().RunAsync("iam", "list-users");
        await emulator.Cli().RunAsync("iam", "list-groups");
        var trail = await emulator.Http.GetStringAsync(emulator.Url + "/_emulator/trail");

        summary.GetProperty("RolesQuota").GetInt32().Should().Be(7, "EMULATOR_QUOTA is --quota");
        summary.GetProperty("UsersQuota").GetInt32().Should().Be(5000, "a bare QUOTA is not --quota");
        unknownKey.ShouldFailWith("InvalidClientTokenId");
        System.Text.Json.JsonDocument.Parse(trail).RootElement.GetProperty("Records").GetArrayLength().Should().Be(2, "EMULATOR_TRAIL_SIZE is --trail-size");
    }
}
