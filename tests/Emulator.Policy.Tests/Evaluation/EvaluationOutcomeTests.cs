namespace Emulator.Policy.Tests.Evaluation;

/// <summary>The allocation-free outcome says everything the Decision object says, and builds it without evaluating again.</summary>
public class EvaluationOutcomeTests
{
    public static TheoryData<string> Scenarios => ["allowed", "identity deny", "boundary implicit deny", "session deny", "trust role grant", "missing key"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Outcome_and_decision_agree(string scenario)
    {
        var (request, input) = Scenario(scenario);

        var outcome = PolicyEvaluator.EvaluateOutcome(request, input);
        var decision = PolicyEvaluator.Evaluate(request, input);

        outcome.Effect.Should().Be(decision.Effect);
        outcome.DecidingLayer.Should().Be(decision.DecidingLayer);
        outcome.ResourceGrant.Should().Be(decision.ResourceGrant);
        outcome.Layers.Should().Equal(decision.Layers);
        outcome.DecidingStatements.Should().Equal(decision.DecidingStatements);
        outcome.MissingContextKeys.Should().Equal(decision.MissingContextKeys);
        outcome.ToString().Should().Be(decision.ToString());
        (outcome.Action, outcome.Resource, outcome.CallerArn).Should().Be((decision.Action, decision.Resource, decision.CallerArn));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ToDecision_gives_the_decision_the_evaluator_returns(string scenario)
    {
        var (request, input) = Scenario(scenario);

        var built = PolicyEvaluator.EvaluateOutcome(request, input).ToDecision();
        var evaluated = PolicyEvaluator.Evaluate(request, input);

        built.Layers.Should().Equal(evaluated.Layers);
        built.DecidingStatements.Should().Equal(evaluated.DecidingStatements);
        built.MissingContextKeys.Should().Equal(evaluated.MissingContextKeys);
        if (!evaluated.IsAllowed)
        {
            built.DenialMessage().Should().Be(evaluated.DenialMessage());
            built.DenialMessage(includeReason: false).Should().Be(evaluated.DenialMessage(includeReason: false));
        }
    }

    [Fact]
    public void Explicit_deny_outcome_names_the_denying_statement_and_policy()
    {
        var (request, input) = Scenario("identity deny");

        var outcome = PolicyEvaluator.EvaluateOutcome(request, input);

        outcome.Effect.Should().Be(DecisionEffect.ExplicitDeny);
        outcome.IdentityVerdict.Should().Be(new LayerVerdict(PolicySetType.Identity, LayerOutcome.ExplicitDeny,
            new DecidingStatement("arn:aws:iam::111122223333:policy/deny", PolicySetType.Identity, "NoDelete", 1)));
        outcome.PermissionsBoundaryVerdict.Outcome.Should().Be(LayerOutcome.NotEvaluated);
        outcome.DenialMessage().Should().Be(
            "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: iam:DeleteRole on resource: "
            + "arn:aws:iam::111122223333:role/web with an explicit deny in an identity-based policy");
    }

    [Fact]
    public void Allowed_outcome_has_no_denial_message()
    {
        var (request, input) = Scenario("allowed");

        var outcome = PolicyEvaluator.EvaluateOutcome(request, input);

        outcome.Invoking(o => o.DenialMessage()).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Decision_exposes_its_outcome()
    {
        var (request, input) = Scenario("boundary implicit deny");

        var decision = PolicyEvaluator.Evaluate(request, input);

        decision.Outcome.Effect.Should().Be(DecisionEffect.ImplicitDeny);
        decision.Outcome.DecidingLayer.Should().Be(PolicySetType.PermissionsBoundary);
    }

    private static (RequestContext Request, EvaluationInput Input) Scenario(string name)
    {
        const string Role = "arn:aws:iam::111122223333:role/web";
        var allowAll = Policies.Identity(Policies.WithStatement("""{"Sid":"All","Effect":"Allow","Action":"*","Resource":"*"}"""), "user/alice/inline");
        return name switch
        {
            "allowed" => (Callers.User("iam:GetRole", Role), new EvaluationInput { IdentityPolicies = [allowAll] }),
            "identity deny" => (Callers.User("iam:DeleteRole", Role), new EvaluationInput
            {
                IdentityPolicies =
                [
                    allowAll,
                    Policies.Identity(
                        Policies.WithStatement("""{"Effect":"Deny","Action":"s3:*","Resource":"*"},{"Sid":"NoDelete","Effect":"Deny","Action":"iam:Delete*","Resource":"*"}"""),
                        "arn:aws:iam::111122223333:policy/deny"),
                ],
                PermissionsBoundary = Policies.Boundary(Policies.Allow("iam:*")),
            }),
            "boundary implicit deny" => (Callers.User("ec2:RunInstances"), new EvaluationInput
            {
                IdentityPolicies = [allowAll],
                PermissionsBoundary = Policies.Boundary(Policies.Allow("iam:*")),
            }),
            "session deny" => (Callers.RoleSession("iam:GetRole", Role), new EvaluationInput
            {
                IdentityPolicies = [allowAll],
                SessionPolicies = [Policies.Session(Policies.Deny("iam:Get*"))],
            }),
            "trust role grant" => (Callers.RoleSession("sts:AssumeRole", "arn:aws:iam::111122223333:role/deploy", role: "ci"), new EvaluationInput
            {
                IdentityPolicies = [Policies.Identity(Policies.Allow("sts:AssumeRole"))],
                ResourcePolicies = [Policies.Trust(Policies.TrustAllowing("\"AWS\":\"arn:aws:iam::111122223333:role/ci\""))],
                RequireResourcePolicyAllow = true,
            }),
            "missing key" => (Callers.RoleSession("iam:GetRole", Role), new EvaluationInput
            {
                IdentityPolicies = [Policies.Identity(Policies.WithStatement(
                    """{"Effect":"Allow","Action":"iam:GetRole","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"web"}}}"""))],
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }
}
