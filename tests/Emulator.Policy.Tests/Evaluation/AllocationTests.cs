using System.Globalization;

namespace Emulator.Policy.Tests.Evaluation;

/// <summary>The hot path: evaluation allocates only its Decision, however large the policies are.</summary>
public class AllocationTests
{
    private const int Repetitions = 2000;

    [Fact]
    public void Allowed_evaluation_allocates_a_small_fixed_amount_whatever_the_policy_size()
    {
        var request = Callers.User("s3:GetObject", "arn:aws:s3:::bucket/alice/report")
            .Set("test:Key", "value")
            .Set("test:Number", "42")
            .Set("aws:SourceIp", "10.1.2.3")
            .Set("aws:CurrentTime", "2025-01-01T00:00:00Z")
            .Set("aws:PrincipalTag/team", "red")
            .Set("aws:TagKeys", ["a", "b"]);
        var small = new EvaluationInput { IdentityPolicies = [Policies.Identity(Policies.Allow("s3:GetObject", "arn:aws:s3:::bucket/*"))] };
        var large = new EvaluationInput
        {
            IdentityPolicies = [Policies.Identity(LargePolicy())],
            PermissionsBoundary = Policies.Boundary(Policies.Allow("s3:*")),
            SessionPolicies = [Policies.Session(Policies.Allow("*"))],
        };

        PolicyEvaluator.Evaluate(request, large).IsAllowed.Should().BeTrue();
        var smallBytes = BytesPerEvaluation(request, small);
        var largeBytes = BytesPerEvaluation(request, large);

        largeBytes.Should().BeLessThanOrEqualTo(smallBytes);
        largeBytes.Should().BeLessThan(512);
    }

    private static long BytesPerEvaluation(RequestContext request, EvaluationInput input)
    {
        for (var warmUp = 0; warmUp < Repetitions; warmUp++)
        {
            PolicyEvaluator.Evaluate(request, input);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var repetition = 0; repetition < Repetitions; repetition++)
        {
            PolicyEvaluator.Evaluate(request, input);
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Repetitions;
    }

    /// <summary>Sixty statements that match the action and resource but fail a condition, then the one that allows.</summary>
    private static string LargePolicy()
    {
        var statements = new List<string>();
        for (var index = 0; index < 60; index++)
        {
            var number = index.ToString(CultureInfo.InvariantCulture);
            statements.Add("""
                {"Effect":"Allow","Action":["iam:*","s3:Get*"],"Resource":"arn:aws:s3:::bucket/${aws:username}/*","Condition":{
                  "StringLike":{"test:Key":"val*"},
                  "ForAnyValue:StringEquals":{"aws:TagKeys":["b","c"]},
                  "IpAddress":{"aws:SourceIp":"10.0.0.0/8"},
                  "DateGreaterThan":{"aws:CurrentTime":"2024-01-01T00:00:00Z"},
                  "StringEquals":{"aws:PrincipalTag/team":"${aws:PrincipalTag/team}"},
                  "NumericLessThan":{"test:Number":"INDEX"}}}
                """.Replace("INDEX", number, StringComparison.Ordinal));
            statements.Add("""{"Effect":"Deny","Action":"s3:PutObject","Resource":"*","Condition":{"StringEquals":{"test:Key":"INDEX"}}}""".Replace("INDEX", number, StringComparison.Ordinal));
        }

        statements.Add("""{"Sid":"Allow","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/${aws:username}/*"}""");
        return Policies.WithStatement(string.Join(",", statements));
    }
}
