namespace Emulator.Policy.Tests.Evaluation;

/// <summary>The policies of the AWS user guide pages the emulator was started from ("IAM roles for EC2").</summary>
public class AwsDocumentationExampleTests
{
    private const string PassRolePolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}]}""";

    private const string EfghTrustPolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/abcd"},"Action":"sts:AssumeRole"}]}""";

    private const string AbcdPermissionPolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::222222222222:role/efgh"}]}""";

    private const string Ec2TrustPolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private const string EfghArn = "arn:aws:iam::222222222222:role/efgh";

    private static Decision PassRole(string? passedToService)
    {
        var request = Callers.User("iam:PassRole", "arn:aws:iam::111122223333:role/web");
        if (passedToService is not null)
        {
            request.Set("iam:PassedToService", passedToService);
        }

        return Callers.Evaluate(request, PassRolePolicy);
    }

    private static Decision AssumeEfgh(string callerRole, bool withPermissionPolicy = true)
    {
        var session = new RequestContext("sts:AssumeRole", EfghArn)
        {
            PrincipalArn = $"arn:aws:iam::111111111111:role/{callerRole}",
            SessionArn = $"arn:aws:sts::111111111111:assumed-role/{callerRole}/i-0123456789abcdef0",
            PrincipalAccount = "111111111111",
            PrincipalType = PrincipalType.AssumedRole,
        };
        var input = new EvaluationInput
        {
            IdentityPolicies = withPermissionPolicy ? [Policies.Identity(AbcdPermissionPolicy, "role/abcd/AllowAssumeEfgh")] : [],
            ResourcePolicies = [Policies.Trust(EfghTrustPolicy)],
            SameAccount = false,
            RequireResourcePolicyAllow = true,
        };
        return PolicyEvaluator.Evaluate(session, input);
    }

    [Fact]
    public void PassRole_is_allowed_when_passed_to_ec2() =>
        PassRole("ec2.amazonaws.com").IsAllowed.Should().BeTrue();

    [Fact]
    public void PassRole_to_lambda_is_an_implicit_deny() =>
        PassRole("lambda.amazonaws.com").Effect.Should().Be(DecisionEffect.ImplicitDeny);

    [Fact]
    public void PassRole_without_passed_to_service_is_an_implicit_deny_that_reports_the_key()
    {
        var decision = PassRole(null);

        decision.Effect.Should().Be(DecisionEffect.ImplicitDeny);
        decision.MissingContextKeys.Should().Equal("iam:PassedToService");
    }

    [Fact]
    public void Session_of_abcd_can_assume_efgh_across_accounts()
    {
        var decision = AssumeEfgh("abcd");

        decision.IsAllowed.Should().BeTrue();
        decision.DecidingStatements.Select(statement => statement.Layer).Should().Equal(PolicySetType.Identity, PolicySetType.Resource);
    }

    [Fact]
    public void Another_role_cannot_assume_efgh_because_the_trust_policy_does_not_name_it()
    {
        var decision = AssumeEfgh("other");

        decision.Effect.Should().Be(DecisionEffect.ImplicitDeny);
        decision.DenialMessage().Should().Be(
            $"User: arn:aws:sts::111111111111:assumed-role/other/i-0123456789abcdef0 is not authorized to perform: sts:AssumeRole on resource: {EfghArn} because no role trust policy allows the sts:AssumeRole action");
    }

    [Fact]
    public void Abcd_without_its_permission_policy_cannot_assume_efgh() =>
        AssumeEfgh("abcd", withPermissionPolicy: false).DecidingLayer.Should().Be(PolicySetType.Identity);

    [Fact]
    public void Ec2_service_may_assume_a_role_that_trusts_it()
    {
        var input = new EvaluationInput { ResourcePolicies = [Policies.Trust(Ec2TrustPolicy)], RequireResourcePolicyAllow = true };

        PolicyEvaluator.Evaluate(Callers.Service("ec2.amazonaws.com", "sts:AssumeRole", "arn:aws:iam::111122223333:role/web"), input).IsAllowed.Should().BeTrue();
        PolicyEvaluator.Evaluate(Callers.Service("lambda.amazonaws.com", "sts:AssumeRole", "arn:aws:iam::111122223333:role/web"), input).IsAllowed.Should().BeFalse();
    }

    [Fact]
    public void Ec2_trust_policy_does_not_let_an_iam_user_assume_the_role()
    {
        var input = new EvaluationInput
        {
            IdentityPolicies = [Policies.Identity(Policies.Allow("sts:AssumeRole"))],
            ResourcePolicies = [Policies.Trust(Ec2TrustPolicy)],
            RequireResourcePolicyAllow = true,
        };

        PolicyEvaluator.Evaluate(Callers.User("sts:AssumeRole", "arn:aws:iam::111122223333:role/web"), input).DecidingLayer.Should().Be(PolicySetType.Resource);
    }
}
