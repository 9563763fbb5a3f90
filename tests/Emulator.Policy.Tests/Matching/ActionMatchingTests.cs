namespace Emulator.Policy.Tests.Matching;

public class ActionMatchingTests
{
    private static bool Allows(string actionPattern, string requestedAction) =>
        Callers.Evaluate(Callers.User(requestedAction), Policies.Allow(actionPattern)).IsAllowed;

    [Theory]
    [InlineData("iam:GetRole", "iam:GetRole")]
    [InlineData("IAM:getrole", "iam:GetRole")]
    [InlineData("iam:GetRole", "IAM:GETROLE")]
    public void Action_matching_is_case_insensitive(string pattern, string action) =>
        Allows(pattern, action).Should().BeTrue();

    [Theory]
    [InlineData("ec2:Describe*", "ec2:DescribeInstances")]
    [InlineData("iam:*AccessKey*", "iam:CreateAccessKey")]
    [InlineData("iam:*AccessKey*", "iam:ListAccessKeys")]
    [InlineData("iam:*", "iam:PassRole")]
    [InlineData("*:GetRole", "iam:GetRole")]
    public void Star_in_an_action_matches_any_run_of_characters(string pattern, string action) =>
        Allows(pattern, action).Should().BeTrue();

    [Theory]
    [InlineData("ec2:Describe*", "ec2:RunInstances")]
    [InlineData("iam:*AccessKey*", "iam:GetRole")]
    [InlineData("iam:*", "sts:AssumeRole")]
    public void Star_in_an_action_does_not_match_other_actions(string pattern, string action) =>
        Allows(pattern, action).Should().BeFalse();

    [Fact]
    public void Question_mark_in_an_action_matches_exactly_one_character()
    {
        Allows("iam:GetRol?", "iam:GetRole").Should().BeTrue();
        Allows("iam:GetRol?", "iam:GetRol").Should().BeFalse();
        Allows("iam:GetRol?", "iam:GetRoles").Should().BeFalse();
    }

    [Fact]
    public void Bare_star_matches_every_action()
    {
        Allows("*", "iam:DeleteRole").Should().BeTrue();
        Allows("*", "ec2:RunInstances").Should().BeTrue();
    }

    [Fact]
    public void Allow_with_not_action_grants_every_other_action()
    {
        var policy = Policies.WithStatement("""{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}""");

        Callers.Evaluate(Callers.User("ec2:RunInstances"), policy).IsAllowed.Should().BeTrue();
        Callers.Evaluate(Callers.User("iam:CreateUser"), policy).IsAllowed.Should().BeFalse();
    }

    [Fact]
    public void Deny_with_not_action_denies_every_other_action()
    {
        var allowAll = Policies.Allow("*");
        var denyAllButIam = Policies.WithStatement("""{"Effect":"Deny","NotAction":["iam:Get*","iam:List*"],"Resource":"*"}""");

        Callers.Evaluate(Callers.User("ec2:RunInstances"), allowAll, denyAllButIam).Effect.Should().Be(DecisionEffect.ExplicitDeny);
        Callers.Evaluate(Callers.User("iam:GetUser"), allowAll, denyAllButIam).Effect.Should().Be(DecisionEffect.Allowed);
    }
}
