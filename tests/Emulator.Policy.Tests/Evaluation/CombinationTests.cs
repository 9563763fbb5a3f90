namespace Emulator.Policy.Tests.Evaluation;

/// <summary>How identity, boundary, session and resource policies combine (policy-evaluation §2).</summary>
public class CombinationTests
{
    private const string RoleArn = "arn:aws:iam::111122223333:role/target";
    private static readonly string AllowAll = Policies.Allow("*");
    private static readonly string AllowAssume = Policies.Allow("sts:AssumeRole", RoleArn);

    private static Decision Evaluate(RequestContext request, EvaluationInput input) => PolicyEvaluator.Evaluate(request, input);

    private static PolicySource[] Identity(params string[] policies) =>
        [.. policies.Select((policy, index) => Policies.Identity(policy, $"identity-{index}"))];

    [Fact]
    public void No_policy_at_all_is_an_implicit_deny_from_identity()
    {
        var decision = Evaluate(Callers.User("iam:GetUser"), new EvaluationInput());

        decision.Effect.Should().Be(DecisionEffect.ImplicitDeny);
        decision.DecidingLayer.Should().Be(PolicySetType.Identity);
        decision.DecidingStatements.Should().BeEmpty();
    }

    [Fact]
    public void Matching_allow_in_an_identity_policy_allows()
    {
        var decision = Evaluate(Callers.User("iam:GetUser"), new EvaluationInput { IdentityPolicies = Identity(AllowAll) });

        decision.Effect.Should().Be(DecisionEffect.Allowed);
        decision.DecidingLayer.Should().BeNull();
        decision.DecidingStatements.Should().Equal(new DecidingStatement("identity-0", PolicySetType.Identity, null, 0));
    }

    [Fact]
    public void Explicit_deny_wins_over_any_allow()
    {
        var deny = Policies.WithStatement("""{"Sid":"NoUsers","Effect":"Deny","Action":"iam:*User*","Resource":"*"}""");

        var decision = Evaluate(Callers.User("iam:GetUser"), new EvaluationInput { IdentityPolicies = Identity(AllowAll, deny) });

        decision.Effect.Should().Be(DecisionEffect.ExplicitDeny);
        decision.DecidingLayer.Should().Be(PolicySetType.Identity);
        decision.DecidingStatements.Should().Equal(new DecidingStatement("identity-1", PolicySetType.Identity, "NoUsers", 0));
    }

    [Fact]
    public void Permissions_boundary_without_an_allow_is_an_implicit_deny()
    {
        var input = new EvaluationInput { IdentityPolicies = Identity(AllowAll), PermissionsBoundary = Policies.Boundary(Policies.Allow("s3:*")) };

        var decision = Evaluate(Callers.User("iam:GetUser"), input);

        decision.Effect.Should().Be(DecisionEffect.ImplicitDeny);
        decision.DecidingLayer.Should().Be(PolicySetType.PermissionsBoundary);
        decision.IdentityVerdict.Outcome.Should().Be(LayerOutcome.Allowed);
        decision.PermissionsBoundaryVerdict.Outcome.Should().Be(LayerOutcome.ImplicitDeny);
    }

    [Fact]
    public void Permissions_boundary_alone_grants_nothing()
    {
        var input = new EvaluationInput { PermissionsBoundary = Policies.Boundary(AllowAll) };

        var decision = Evaluate(Callers.User("iam:GetUser"), input);

        decision.Effect.Should().Be(DecisionEffect.ImplicitDeny);
        decision.DecidingLayer.Should().Be(PolicySetType.Identity);
    }

    [Fact]
    public void Effective_permissions_are_the_intersection_of_identity_and_boundary()
    {
        var input = new EvaluationInput { IdentityPolicies = Identity(Policies.Allow("iam:*")), PermissionsBoundary = Policies.Boundary(Policies.Allow("iam:Get*")) };

        Evaluate(Callers.User("iam:GetUser"), input).IsAllowed.Should().BeTrue();
        Evaluate(Callers.User("iam:CreateUser"), input).IsAllowed.Should().BeFalse();
    }

    [Fact]
    public void Explicit_deny_in_the_boundary_wins()
    {
        var input = new EvaluationInput { IdentityPolicies = Identity(AllowAll), PermissionsBoundary = Policies.Boundary(Policies.Deny("iam:GetUser")) };

        var decision = Evaluate(Callers.User("iam:GetUser"), input);

        decision.Effect.Should().Be(DecisionEffect.ExplicitDeny);
        decision.DecidingLayer.Should().Be(PolicySetType.PermissionsBoundary);
    }

    [Fact]
    public void Identity_deny_is_reported_before_a_boundary_deny()
    {
        var input = new EvaluationInput { IdentityPolicies = Identity(Policies.Deny("*")), PermissionsBoundary = Policies.Boundary(Policies.Deny("*")) };

        var decision = Evaluate(Callers.User("iam:GetUser"), input);

        decision.DecidingLayer.Should().Be(PolicySetType.Identity);
        decision.PermissionsBoundaryVerdict.Outcome.Should().Be(LayerOutcome.NotEvaluated);
    }

    [Fact]
    public void Role_session_with_session_policies_needs_a_session_allow()
    {
        var input = new EvaluationInput { IdentityPolicies = Identity(AllowAll), SessionPolicies = [Policies.Session(Policies.Allow("s3:*"))] };

        Evaluate(Callers.RoleSession("s3:GetObject"), input).IsAllowed.Should().BeTrue();
        var denied = Evaluate(Callers.RoleSession("iam:GetRole"), input);
        denied.Effect.Should().Be(DecisionEffect.ImplicitDeny);
        denied.DecidingLayer.Should().Be(PolicySetType.Session);
    }

    [Fact]
    public void Session_policy_alone_grants_nothing()
    {
        var input = new EvaluationInput { SessionPolicies = [Policies.Session(AllowAll)] };

        Evaluate(Callers.RoleSession("s3:GetObject"), input).DecidingLayer.Should().Be(PolicySetType.Identity);
    }

    [Fact]
    public void Role_session_without_session_policies_passes_the_session_gate()
    {
        var decision = Evaluate(Callers.RoleSession("s3:GetObject"), new EvaluationInput { IdentityPolicies = Identity(AllowAll) });

        decision.IsAllowed.Should().BeTrue();
        decision.SessionVerdict.Outcome.Should().Be(LayerOutcome.NotApplicable);
    }

    [Fact]
    public void Federated_user_without_session_policies_is_denied()
    {
        var decision = Evaluate(Callers.FederatedUser("s3:GetObject"), new EvaluationInput { IdentityPolicies = Identity(AllowAll) });

        decision.Effect.Should().Be(DecisionEffect.ImplicitDeny);
        decision.DecidingLayer.Should().Be(PolicySetType.Session);
    }

    [Fact]
    public void Federated_user_with_session_policies_gets_the_intersection()
    {
        var input = new EvaluationInput { IdentityPolicies = Identity(AllowAll), SessionPolicies = [Policies.Session(Policies.Allow("s3:GetObject"))] };

        Evaluate(Callers.FederatedUser("s3:GetObject"), input).IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void Explicit_deny_in_a_session_policy_wins()
    {
        var input = new EvaluationInput { IdentityPolicies = Identity(AllowAll), SessionPolicies = [Policies.Session(AllowAll), Policies.Session(Policies.Deny("s3:*"), "arn:aws:iam::aws:policy/Deny")] };

        var decision = Evaluate(Callers.RoleSession("s3:GetObject"), input);

        decision.Effect.Should().Be(DecisionEffect.ExplicitDeny);
        decision.DecidingStatements.Should().ContainSingle().Which.PolicyId.Should().Be("arn:aws:iam::aws:policy/Deny");
    }

    [Fact]
    public void Root_user_is_allowed_everything_in_its_own_account()
    {
        var decision = Evaluate(Callers.Root("iam:DeleteRole", RoleArn), new EvaluationInput { IsRoot = true });

        decision.IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void Trust_policy_naming_the_user_directly_allows_without_identity_policy()
    {
        var trust = Policies.Trust(Policies.TrustAllowing("\"AWS\":\"arn:aws:iam::111122223333:user/alice\""));
        var input = new EvaluationInput { ResourcePolicies = [trust], RequireResourcePolicyAllow = true };

        var decision = Evaluate(Callers.User("sts:AssumeRole", RoleArn), input);

        decision.IsAllowed.Should().BeTrue();
        decision.ResourceGrant.Should().Be(ResourcePolicyGrant.Direct);
        decision.DecidingStatements.Should().Equal(new DecidingStatement("role/trust-policy", PolicySetType.Resource, null, 0));
    }

    [Fact]
    public void Direct_grant_is_not_limited_by_boundary_or_session_policies()
    {
        var trust = Policies.Trust(Policies.TrustAllowing("\"AWS\":\"arn:aws:sts::111122223333:assumed-role/web/s1\""));
        var input = new EvaluationInput
        {
            ResourcePolicies = [trust],
            RequireResourcePolicyAllow = true,
            PermissionsBoundary = Policies.Boundary(Policies.Allow("s3:*")),
            SessionPolicies = [Policies.Session(Policies.Allow("s3:*"))],
        };

        Evaluate(Callers.RoleSession("sts:AssumeRole", RoleArn), input).IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void Trust_policy_naming_the_role_skips_identity_but_not_the_session_policy()
    {
        var trust = Policies.Trust(Policies.TrustAllowing("\"AWS\":\"arn:aws:iam::111122223333:role/web\""));
        var withoutSessionPolicy = new EvaluationInput { ResourcePolicies = [trust], RequireResourcePolicyAllow = true };
        var withSessionPolicy = withoutSessionPolicy with { SessionPolicies = [Policies.Session(Policies.Allow("s3:*"))] };

        var allowed = Evaluate(Callers.RoleSession("sts:AssumeRole", RoleArn), withoutSessionPolicy);
        allowed.IsAllowed.Should().BeTrue();
        allowed.ResourceGrant.Should().Be(ResourcePolicyGrant.Role);
        Evaluate(Callers.RoleSession("sts:AssumeRole", RoleArn), withSessionPolicy).DecidingLayer.Should().Be(PolicySetType.Session);
    }

    [Fact]
    public void Trust_policy_naming_the_role_is_still_limited_by_the_boundary()
    {
        var trust = Policies.Trust(Policies.TrustAllowing("\"AWS\":\"arn:aws:iam::111122223333:role/web\""));
        var input = new EvaluationInput { ResourcePolicies = [trust], RequireResourcePolicyAllow = true, PermissionsBoundary = Policies.Boundary(Policies.Allow("s3:*")) };

        Evaluate(Callers.RoleSession("sts:AssumeRole", RoleArn), input).DecidingLayer.Should().Be(PolicySetType.PermissionsBoundary);
    }

    [Fact]
    public void Trust_policy_naming_the_account_also_needs_an_identity_allow()
    {
        var trust = Policies.Trust(Policies.TrustAllowing("\"AWS\":\"111122223333\""));
        var input = new EvaluationInput { ResourcePolicies = [trust], RequireResourcePolicyAllow = true };

        var denied = Evaluate(Callers.User("sts:AssumeRole", RoleArn), input);
        denied.DecidingLayer.Should().Be(PolicySetType.Identity);
        denied.ResourceGrant.Should().Be(ResourcePolicyGrant.Account);
        Evaluate(Callers.User("sts:AssumeRole", RoleArn), input with { IdentityPolicies = Identity(AllowAssume) }).IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void Root_arn_principal_names_the_whole_account() =>
        Evaluate(
            Callers.User("sts:AssumeRole", RoleArn),
            new EvaluationInput
            {
                IdentityPolicies = Identity(AllowAssume),
                ResourcePolicies = [Policies.Trust(Policies.TrustAllowing("\"AWS\":\"arn:aws:iam::111122223333:root\""))],
                RequireResourcePolicyAllow = true,
            }).IsAllowed.Should().BeTrue();

    [Fact]
    public void Identity_allow_alone_never_lets_anyone_assume_a_role()
    {
        var trust = Policies.Trust(Policies.TrustAllowing("\"AWS\":\"arn:aws:iam::111122223333:user/bob\""));
        var input = new EvaluationInput { IdentityPolicies = Identity(AllowAssume), ResourcePolicies = [trust], RequireResourcePolicyAllow = true };

        var decision = Evaluate(Callers.User("sts:AssumeRole", RoleArn), input);

        decision.Effect.Should().Be(DecisionEffect.ImplicitDeny);
        decision.DecidingLayer.Should().Be(PolicySetType.Resource);
    }

    [Fact]
    public void Root_user_still_needs_the_trust_policy_to_assume_a_role()
    {
        var trust = Policies.Trust(Policies.TrustAllowing("\"Service\":\"ec2.amazonaws.com\""));
        var input = new EvaluationInput { IsRoot = true, ResourcePolicies = [trust], RequireResourcePolicyAllow = true };

        Evaluate(Callers.Root("sts:AssumeRole", RoleArn), input).DecidingLayer.Should().Be(PolicySetType.Resource);
    }

    [Fact]
    public void Explicit_deny_in_the_trust_policy_wins_over_its_allow()
    {
        var trust = Policies.Trust(Policies.WithStatement(
            """{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"},{"Sid":"NoAlice","Effect":"Deny","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"sts:AssumeRole"}"""));
        var input = new EvaluationInput { IdentityPolicies = Identity(AllowAssume), ResourcePolicies = [trust], RequireResourcePolicyAllow = true };

        var decision = Evaluate(Callers.User("sts:AssumeRole", RoleArn), input);

        decision.Effect.Should().Be(DecisionEffect.ExplicitDeny);
        decision.DecidingStatements.Should().ContainSingle().Which.Sid.Should().Be("NoAlice");
        Evaluate(Callers.User("sts:AssumeRole", RoleArn, name: "bob"), input).IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void Cross_account_request_needs_both_the_callers_side_and_the_resource_policy()
    {
        var trust = Policies.Trust(Policies.TrustAllowing($"\"AWS\":\"{Callers.OtherAccount}\""));
        var bothSides = new EvaluationInput { IdentityPolicies = Identity(AllowAssume), ResourcePolicies = [trust], SameAccount = false, RequireResourcePolicyAllow = true };
        var caller = Callers.User("sts:AssumeRole", RoleArn, account: Callers.OtherAccount);

        Evaluate(caller, bothSides).IsAllowed.Should().BeTrue();
        Evaluate(caller, bothSides with { IdentityPolicies = [] }).DecidingLayer.Should().Be(PolicySetType.Identity);
        Evaluate(caller, bothSides with { ResourcePolicies = [] }).DecidingLayer.Should().Be(PolicySetType.Resource);
    }

    [Fact]
    public void Cross_account_direct_grant_still_needs_the_callers_identity_allow()
    {
        var trust = Policies.Trust(Policies.TrustAllowing($"\"AWS\":\"arn:aws:iam::{Callers.OtherAccount}:user/alice\""));
        var input = new EvaluationInput { ResourcePolicies = [trust], SameAccount = false, RequireResourcePolicyAllow = true };

        Evaluate(Callers.User("sts:AssumeRole", RoleArn, account: Callers.OtherAccount), input).DecidingLayer.Should().Be(PolicySetType.Identity);
    }

    [Fact]
    public void Cross_account_deny_on_the_resource_side_wins()
    {
        var trust = Policies.Trust(Policies.WithStatement($$"""{"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole"},{"Effect":"Allow","Principal":{"AWS":"{{Callers.OtherAccount}}"},"Action":"sts:AssumeRole"}"""));
        var input = new EvaluationInput { IdentityPolicies = Identity(AllowAssume), ResourcePolicies = [trust], SameAccount = false, RequireResourcePolicyAllow = true };

        var decision = Evaluate(Callers.User("sts:AssumeRole", RoleArn, account: Callers.OtherAccount), input);

        decision.Effect.Should().Be(DecisionEffect.ExplicitDeny);
        decision.DecidingLayer.Should().Be(PolicySetType.Resource);
    }

    [Fact]
    public void Resource_policy_that_does_not_name_the_caller_is_ignored_when_not_required()
    {
        var trust = Policies.Trust(Policies.TrustAllowing("\"AWS\":\"arn:aws:iam::111122223333:user/bob\""));
        var input = new EvaluationInput { IdentityPolicies = Identity(AllowAll), ResourcePolicies = [trust] };

        var decision = Evaluate(Callers.User("sts:TagSession", RoleArn), input);

        decision.IsAllowed.Should().BeTrue();
        decision.ResourceVerdict.Outcome.Should().Be(LayerOutcome.ImplicitDeny);
    }

    [Fact]
    public void Not_principal_deny_applies_to_everyone_it_does_not_name()
    {
        var bucketPolicy = new PolicySource(
            "bucket-policy",
            PolicySetType.Resource,
            Policies.Parse(Policies.WithStatement("""{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"s3:*","Resource":"*"}"""), PolicyKind.Resource));
        var input = new EvaluationInput { IdentityPolicies = Identity(AllowAll), ResourcePolicies = [bucketPolicy] };

        Evaluate(Callers.User("s3:GetObject", name: "alice"), input).IsAllowed.Should().BeTrue();
        Evaluate(Callers.User("s3:GetObject", name: "bob"), input).Effect.Should().Be(DecisionEffect.ExplicitDeny);
    }

    [Fact]
    public void Resource_policy_grammar_requires_a_principal_or_not_principal() =>
        Policies.ErrorOf(Policies.Allow("s3:GetObject"), PolicyKind.Resource).Should().Be(PolicyGrammarMessages.MissingPrincipal);

    [Fact]
    public void Missing_condition_keys_are_reported()
    {
        var policy = Policies.WithStatement("""{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"},"Bool":{"aws:SecureTransport":"true"}}}""");

        var decision = Callers.Evaluate(Callers.User("iam:PassRole"), policy);

        decision.MissingContextKeys.Should().BeEquivalentTo("iam:PassedToService", "aws:SecureTransport");
    }

    [Fact]
    public void Statements_for_other_actions_do_not_report_missing_keys()
    {
        var policy = Policies.WithStatement("""{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}""");

        Callers.Evaluate(Callers.User("iam:GetRole"), policy).MissingContextKeys.Should().BeEmpty();
    }

    [Fact]
    public void Allowed_decision_lists_the_allowing_statement_of_every_layer()
    {
        var input = new EvaluationInput
        {
            IdentityPolicies = Identity(Policies.WithStatement("""{"Sid":"Identity","Effect":"Allow","Action":"s3:*","Resource":"*"}""")),
            PermissionsBoundary = Policies.Boundary(Policies.WithStatement("""{"Sid":"Boundary","Effect":"Allow","Action":"s3:Get*","Resource":"*"}""")),
            SessionPolicies = [Policies.Session(Policies.WithStatement("""{"Sid":"Session","Effect":"Allow","Action":"*","Resource":"*"}"""))],
        };

        var decision = Evaluate(Callers.RoleSession("s3:GetObject"), input);

        decision.DecidingStatements.Select(statement => statement.Sid).Should().Equal("Identity", "Boundary", "Session");
        decision.Layers.Select(verdict => verdict.Outcome).Should().Equal(LayerOutcome.Allowed, LayerOutcome.Allowed, LayerOutcome.Allowed, LayerOutcome.NotApplicable);
    }
}
