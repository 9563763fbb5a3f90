namespace Emulator.Policy.Tests.Evaluation;

/// <summary>AWS's AccessDenied sentences (policy-evaluation §9).</summary>
public class DenialMessageTests
{
    private const string RoleArn = "arn:aws:iam::111122223333:role/web";
    private const string Alice = "arn:aws:iam::111122223333:user/alice";

    [Fact]
    public void Implicit_deny_names_the_resource_and_the_missing_identity_allow() =>
        Callers.Evaluate(Callers.User("iam:GetRole", RoleArn)).DenialMessage().Should().Be(
            $"User: {Alice} is not authorized to perform: iam:GetRole on resource: {RoleArn} because no identity-based policy allows the iam:GetRole action");

    [Fact]
    public void Resource_part_is_omitted_when_the_resource_is_star() =>
        Callers.Evaluate(Callers.User("iam:ListRoles")).DenialMessage().Should().Be(
            $"User: {Alice} is not authorized to perform: iam:ListRoles because no identity-based policy allows the iam:ListRoles action");

    [Fact]
    public void Explicit_deny_in_an_identity_policy() =>
        Callers.Evaluate(Callers.User("iam:GetRole", RoleArn), Policies.Allow("*"), Policies.Deny("iam:GetRole")).DenialMessage().Should().Be(
            $"User: {Alice} is not authorized to perform: iam:GetRole on resource: {RoleArn} with an explicit deny in an identity-based policy");

    [Fact]
    public void Role_sessions_are_named_by_their_session_arn() =>
        Callers.Evaluate(Callers.RoleSession("ec2:DescribeInstances", role: "app", session: "i-0abc")).DenialMessage().Should().Be(
            "User: arn:aws:sts::111122223333:assumed-role/app/i-0abc is not authorized to perform: ec2:DescribeInstances because no identity-based policy allows the ec2:DescribeInstances action");

    [Fact]
    public void Implicit_deny_by_the_permissions_boundary()
    {
        var input = new EvaluationInput { IdentityPolicies = [Policies.Identity(Policies.Allow("*"))], PermissionsBoundary = Policies.Boundary(Policies.Allow("s3:*")) };

        PolicyEvaluator.Evaluate(Callers.User("iam:CreateUser", "arn:aws:iam::111122223333:user/bob"), input).DenialMessage().Should().Be(
            $"User: {Alice} is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::111122223333:user/bob because no permissions boundary allows the iam:CreateUser action");
    }

    [Fact]
    public void Explicit_deny_in_the_permissions_boundary()
    {
        var input = new EvaluationInput { IdentityPolicies = [Policies.Identity(Policies.Allow("*"))], PermissionsBoundary = Policies.Boundary(Policies.Deny("iam:*")) };

        PolicyEvaluator.Evaluate(Callers.User("iam:ListUsers"), input).DenialMessage().Should().EndWith(
            "iam:ListUsers with an explicit deny in a permissions boundary");
    }

    [Fact]
    public void Implicit_deny_by_the_session_policy()
    {
        var input = new EvaluationInput { IdentityPolicies = [Policies.Identity(Policies.Allow("*"))], SessionPolicies = [Policies.Session(Policies.Allow("s3:*"))] };

        PolicyEvaluator.Evaluate(Callers.RoleSession("iam:ListRoles"), input).DenialMessage().Should().EndWith(
            "iam:ListRoles because no session policy allows the iam:ListRoles action");
    }

    [Fact]
    public void Explicit_deny_in_a_session_policy()
    {
        var input = new EvaluationInput { IdentityPolicies = [Policies.Identity(Policies.Allow("*"))], SessionPolicies = [Policies.Session(Policies.Deny("iam:*"))] };

        PolicyEvaluator.Evaluate(Callers.RoleSession("iam:ListRoles"), input).DenialMessage().Should().EndWith(
            "iam:ListRoles with an explicit deny in a session policy");
    }

    [Fact]
    public void Implicit_deny_by_the_role_trust_policy()
    {
        var input = new EvaluationInput
        {
            IdentityPolicies = [Policies.Identity(Policies.Allow("sts:AssumeRole"))],
            ResourcePolicies = [Policies.Trust(Policies.TrustAllowing("\"Service\":\"ec2.amazonaws.com\""))],
            RequireResourcePolicyAllow = true,
        };

        PolicyEvaluator.Evaluate(Callers.User("sts:AssumeRole", RoleArn), input).DenialMessage().Should().Be(
            $"User: {Alice} is not authorized to perform: sts:AssumeRole on resource: {RoleArn} because no role trust policy allows the sts:AssumeRole action");
    }

    [Fact]
    public void Explicit_deny_in_the_role_trust_policy()
    {
        var input = new EvaluationInput
        {
            IdentityPolicies = [Policies.Identity(Policies.Allow("sts:AssumeRole"))],
            ResourcePolicies = [Policies.Trust(Policies.WithStatement("""{"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole"}"""))],
            RequireResourcePolicyAllow = true,
        };

        PolicyEvaluator.Evaluate(Callers.User("sts:AssumeRole", RoleArn), input).DenialMessage().Should().EndWith(
            "with an explicit deny in the role trust policy");
    }

    [Fact]
    public void Implicit_and_explicit_denies_by_other_resource_based_policies()
    {
        var bucketPolicy = new PolicySource("bucket", PolicySetType.Resource, Policies.Parse(
            Policies.WithStatement("""{"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"s3:DeleteObject","Resource":"*"}"""),
            PolicyKind.Resource));
        var crossAccount = new EvaluationInput { IdentityPolicies = [Policies.Identity(Policies.Allow("s3:*"))], ResourcePolicies = [bucketPolicy], SameAccount = false };

        PolicyEvaluator.Evaluate(Callers.User("s3:GetObject", "arn:aws:s3:::bucket/key"), crossAccount).DenialMessage().Should().EndWith(
            "because no resource-based policy allows the s3:GetObject action");
        PolicyEvaluator.Evaluate(Callers.User("s3:DeleteObject", "arn:aws:s3:::bucket/key"), crossAccount).DenialMessage().Should().EndWith(
            "with an explicit deny in a resource-based policy");
    }

    [Fact]
    public void Short_form_leaves_out_the_reason() =>
        Callers.Evaluate(Callers.User("sts:AssumeRole", RoleArn)).DenialMessage(includeReason: false).Should().Be(
            $"User: {Alice} is not authorized to perform: sts:AssumeRole on resource: {RoleArn}");

    [Fact]
    public void Allowed_decision_has_no_denial_message()
    {
        var decision = Callers.Evaluate(Callers.User("iam:ListRoles"), Policies.Allow("iam:ListRoles"));

        decision.Invoking(allowed => allowed.DenialMessage()).Should().Throw<InvalidOperationException>();
    }
}
