using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Authorization;

/// <summary>
/// A user allowed only iam:GetRole on one role, driven by the AWS CLI: the allowed call works, every
/// other call is denied with AWS's message, and simulate-principal-policy gives the same answers.
/// </summary>
[Collection(EnforcementEmulatorCollection.Name)]
public sealed class PolicyEnforcementTests(EnforcementEmulator emulator)
{
    private const string UserArn = "arn:aws:iam::123456789012:user/reader";

    [Fact]
    public async Task The_user_gets_the_allowed_role_and_is_denied_everything_else_with_the_AWS_message()
    {
        var cli = emulator.Cli(EnforcementEmulator.Reader);

        var web = (await cli.RunAsync("iam", "get-role", "--role-name", "web")).ShouldSucceed().Json;
        var db = (await cli.RunAsync("iam", "get-role", "--role-name", "db")).ShouldFailWith("AccessDenied");
        var list = (await cli.RunAsync("iam", "list-roles")).ShouldFailWith("AccessDenied");
        var create = (await cli.RunAsync("iam", "create-user", "--user-name", "intruder")).ShouldFailWith("AccessDenied");

        web.Text("Role", "RoleName").Should().Be("web");
        db.Message.Should().Be($"User: {UserArn} is not authorized to perform: iam:GetRole on resource: arn:aws:iam::123456789012:role/db because no identity-based policy allows the iam:GetRole action");
        list.Message.Should().Be($"User: {UserArn} is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::123456789012:role/ because no identity-based policy allows the iam:ListRoles action");
        create.Message.Should().Be($"User: {UserArn} is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::123456789012:user/intruder because no identity-based policy allows the iam:CreateUser action");
        (await emulator.Cli().RunAsync("iam", "get-user", "--user-name", "intruder")).ShouldFailWith("NoSuchEntity");
    }

    [Fact]
    public async Task Simulate_principal_policy_gives_the_same_answers_as_enforcement()
    {
        var simulated = (await emulator.Cli().RunAsync("iam", "simulate-principal-policy", "--policy-source-arn", UserArn,
            "--action-names", "iam:GetRole", "iam:CreateUser",
            "--resource-arns", "arn:aws:iam::123456789012:role/web", "arn:aws:iam::123456789012:role/db")).ShouldSucceed().Json;
        var results = simulated.Items("EvaluationResults")
            .ToDictionary(r => (r.Text("EvalActionName"), r.Text("EvalResourceName")), r => r.Text("EvalDecision"));
        var cli = emulator.Cli(EnforcementEmulator.Reader);
        var enforcedWeb = (await cli.RunAsync("iam", "get-role", "--role-name", "web")).ExitCode == 0;
        var enforcedDb = (await cli.RunAsync("iam", "get-role", "--role-name", "db")).ExitCode == 0;

        results[("iam:GetRole", "arn:aws:iam::123456789012:role/web")].Should().Be("allowed");
        results[("iam:GetRole", "arn:aws:iam::123456789012:role/db")].Should().Be("implicitDeny");
        results[("iam:CreateUser", "arn:aws:iam::123456789012:role/web")].Should().Be("implicitDeny");
        enforcedWeb.Should().Be(results[("iam:GetRole", "arn:aws:iam::123456789012:role/web")] == "allowed");
        enforcedDb.Should().Be(results[("iam:GetRole", "arn:aws:iam::123456789012:role/db")] == "allowed");
        var matched = simulated.Items("EvaluationResults").First(r => r.Text("EvalDecision") == "allowed").Items("MatchedStatements").Should().ContainSingle().Subject;
        matched.Text("SourcePolicyId").Should().Be("get-web");
    }
}
