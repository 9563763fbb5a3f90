using System.Globalization;

namespace Emulator.Policy.Tests.Evaluation;

/// <summary>
/// The allocation-free path: <see cref="PolicyEvaluator.EvaluateOutcome"/> allocates nothing per decision once the
/// policies are compiled and the request context is built, however many statements, conditions and variables it walks.
/// </summary>
public class ZeroAllocationTests
{
    private const int Repetitions = 10_000;

    [Fact]
    public void Allowed_outcome_for_a_user_with_managed_inline_and_boundary_policies_allocates_nothing()
    {
        var request = RealisticRequest("iam:GetRole", "arn:aws:iam::111122223333:role/app/web-alice");
        var input = RealisticInput();

        var outcome = PolicyEvaluator.EvaluateOutcome(request, input);

        outcome.IsAllowed.Should().BeTrue();
        outcome.DecidingStatements.Select(s => s.ToString()).Should().Equal(
            "user/alice/inline-4 RoleAccess", "arn:aws:iam::111122223333:policy/boundary Statement[0]");
        BytesAllocatedBy(request, input).Should().Be(0);
    }

    [Fact]
    public void Implicitly_denied_outcome_allocates_nothing_when_no_context_key_is_missing()
    {
        var request = RealisticRequest("iam:CreateUser", "arn:aws:iam::111122223333:user/bob");
        var input = RealisticInput();

        var outcome = PolicyEvaluator.EvaluateOutcome(request, input);

        outcome.Effect.Should().Be(DecisionEffect.ImplicitDeny);
        outcome.MissingContextKeys.Should().BeEmpty();
        BytesAllocatedBy(request, input).Should().Be(0);
    }

    [Fact]
    public void Allowed_outcome_through_every_condition_family_and_variables_allocates_nothing()
    {
        var request = Callers.User("s3:GetObject", "arn:aws:s3:::bucket/alice/report")
            .Set("test:Key", "value")
            .Set("test:Number", "42")
            .Set("aws:SourceIp", "10.1.2.3")
            .Set("aws:CurrentTime", "2025-01-01T00:00:00Z")
            .Set("aws:PrincipalTag/team", "red")
            .Set("aws:TagKeys", ["a", "b"])
            .Set("test:Arn", "arn:aws:iam::111122223333:user/alice")
            .Set("test:Flag", "TRUE");
        var input = new EvaluationInput
        {
            IdentityPolicies = [Policies.Identity(ConditionHeavyPolicy())],
            PermissionsBoundary = Policies.Boundary(Policies.Allow("s3:*")),
            SessionPolicies = [Policies.Session(Policies.Allow("*"))],
        };

        var outcome = PolicyEvaluator.EvaluateOutcome(request, input);

        outcome.IsAllowed.Should().BeTrue();
        outcome.IdentityVerdict.Statement!.Value.Sid.Should().Be("Allow");
        BytesAllocatedBy(request, input).Should().Be(0);
    }

    [Fact]
    public void Allowed_outcome_through_a_trust_policy_allocates_nothing()
    {
        var request = Callers.RoleSession("sts:AssumeRole", "arn:aws:iam::111122223333:role/deploy", role: "ci");
        var input = new EvaluationInput
        {
            IdentityPolicies = [Policies.Identity(Policies.Allow("sts:AssumeRole"))],
            ResourcePolicies = [Policies.Trust(Policies.TrustAllowing("\"AWS\":\"arn:aws:iam::111122223333:role/ci\""))],
            RequireResourcePolicyAllow = true,
        };

        PolicyEvaluator.EvaluateOutcome(request, input).IsAllowed.Should().BeTrue();
        BytesAllocatedBy(request, input).Should().Be(0);
    }

    private static long BytesAllocatedBy(RequestContext request, EvaluationInput input)
    {
        for (var warmUp = 0; warmUp < Repetitions; warmUp++)
        {
            PolicyEvaluator.EvaluateOutcome(request, input);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var repetition = 0; repetition < Repetitions; repetition++)
        {
            PolicyEvaluator.EvaluateOutcome(request, input);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>The benchmark's request: a user with the usual aws:* keys and a principal tag.</summary>
    internal static RequestContext RealisticRequest(string action, string resource) =>
        Callers.User(action, resource)
            .Set("aws:userid", "AIDAEXAMPLEEXAMPLE01")
            .Set("aws:PrincipalArn", "arn:aws:iam::111122223333:user/alice")
            .Set("aws:RequestedRegion", "us-east-1")
            .Set("aws:SecureTransport", "true")
            .Set("aws:SourceIp", "10.1.2.3")
            .Set("aws:CurrentTime", "2026-11-24T12:00:00Z")
            .Set("aws:PrincipalTag/team", "web")
            .Set("aws:MultiFactorAuthPresent", "true");

    /// <summary>The benchmark's policies: 3 managed + 2 inline policies of 10 statements, and a permissions boundary.</summary>
    internal static EvaluationInput RealisticInput()
    {
        var identity = new List<PolicySource>();
        for (var index = 0; index < 5; index++)
        {
            var id = index < 3 ? $"arn:aws:iam::111122223333:policy/managed-{index}" : $"user/alice/inline-{index}";
            identity.Add(Policies.Identity(RealisticPolicy(index), id));
        }

        var boundary = Policies.Boundary(Policies.WithStatement("""
            {"Effect":"Allow","Action":["iam:*","sts:*","ec2:Describe*","s3:Get*"],"Resource":"*"},
            {"Effect":"Deny","Action":"iam:DeleteAccount*","Resource":"*"}
            """));
        return new EvaluationInput { IdentityPolicies = identity, PermissionsBoundary = boundary };
    }

    private static string RealisticPolicy(int index)
    {
        var number = index.ToString(CultureInfo.InvariantCulture);
        var last = index == 4
            ? """{"Sid":"RoleAccess","Effect":"Allow","Action":["iam:GetRole","iam:ListRolePolicies"],"Resource":"arn:aws:iam::111122223333:role/app/*-${aws:username}","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}"""
            : """{"Effect":"Allow","Action":"cloudwatch:Get*","Resource":"*"}""";
        return Policies.WithStatement(string.Join(",",
            """{"Sid":"SN0","Effect":"Allow","Action":["ec2:Describe*","ec2:Get*"],"Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":["eu-west-1","eu-west-2"]}}}""".Replace("\"SN0\"", $"\"S{number}0\"", StringComparison.Ordinal),
            """{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket-N/${aws:username}/*"}""".Replace("-N/", $"-{number}/", StringComparison.Ordinal),
            """{"Effect":"Deny","Action":"iam:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}""",
            """{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::*:role/deploy-*","Condition":{"StringLike":{"aws:PrincipalTag/team":"ops*"}}}""",
            """{"Effect":"Deny","NotAction":["iam:*","sts:*","ec2:*","s3:*"],"Resource":"*"}""",
            """{"Effect":"Allow","Action":"iam:List*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":["192.168.0.0/16"]}}}""",
            """{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}""",
            """{"Effect":"Allow","Action":"iam:Get*","Resource":"arn:aws:iam::111122223333:user/${aws:username}","Condition":{"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}}""",
            """{"Effect":"Deny","Action":"iam:Delete*","Resource":"arn:aws:iam::111122223333:role/protected/*"}""",
            last));
    }

    /// <summary>
    /// Statements that match the action and resource and pass every condition but the last (so each one is evaluated),
    /// then the one that allows.
    /// </summary>
    private static string ConditionHeavyPolicy()
    {
        var statements = new List<string>();
        for (var index = 0; index < 20; index++)
        {
            statements.Add("""
                {"Effect":"Allow","Action":["iam:*","s3:Get*"],"Resource":"arn:aws:s3:::bucket/${aws:username}/*","Condition":{
                  "StringLike":{"test:Key":"val*","aws:PrincipalTag/team":"${aws:PrincipalTag/team}*"},
                  "StringEqualsIgnoreCase":{"test:Key":"${aws:PrincipalTag/absent, 'VALUE'}"},
                  "ForAnyValue:StringEquals":{"aws:TagKeys":["b","c"]},
                  "IpAddress":{"aws:SourceIp":"10.0.0.0/8"},
                  "DateGreaterThan":{"aws:CurrentTime":"2024-01-01T00:00:00Z"},
                  "StringEquals":{"aws:PrincipalTag/team":"${aws:PrincipalTag/team}"},
                  "ArnLike":{"test:Arn":"arn:aws:iam::*:user/${aws:username}"},
                  "Bool":{"test:Flag":"true"},
                  "NumericLessThan":{"test:Number":"INDEX"}}}
                """.Replace("INDEX", index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        statements.Add("""{"Sid":"Allow","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/${aws:username}/*"}""");
        return Policies.WithStatement(string.Join(",", statements));
    }
}
