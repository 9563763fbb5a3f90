using BenchmarkDotNet.Attributes;
using Emulator.Policy;

namespace Emulator.Benchmarks;

/// <summary>
/// One realistic authorization: a user with 3 managed and 2 inline policies of 10 statements each
/// (wildcards, conditions, a policy variable) plus a permissions boundary; allowed and denied paths.
/// </summary>
/// <remarks>
/// The headline pair measures <see cref="PolicyEvaluator.EvaluateOutcome"/>, the allocation-free path; the
/// <c>…Decision</c> pair measures <see cref="PolicyEvaluator.Evaluate"/>, which adds the explained Decision object.
/// </remarks>
[MemoryDiagnoser]
public class PolicyEvaluationBenchmarks
{
    private RequestContext allowed = null!;
    private RequestContext denied = null!;
    private EvaluationInput input = null!;

    [GlobalSetup]
    public void Setup()
    {
        var identity = new List<PolicySource>();
        for (var p = 0; p < 5; p++)
        {
            identity.Add(new PolicySource(p < 3 ? $"arn:aws:iam::111122223333:policy/managed-{p}" : $"user/alice/inline-{p}", PolicySetType.Identity,
                Parse(Policy(p))));
        }

        var boundary = new PolicySource("arn:aws:iam::111122223333:policy/boundary", PolicySetType.PermissionsBoundary, Parse("""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":["iam:*","sts:*","ec2:Describe*","s3:Get*"],"Resource":"*"},
              {"Effect":"Deny","Action":"iam:DeleteAccount*","Resource":"*"}]}
            """));
        input = new EvaluationInput { IdentityPolicies = identity, PermissionsBoundary = boundary };
        allowed = Context("iam:GetRole", "arn:aws:iam::111122223333:role/app/web-alice");
        denied = Context("iam:CreateUser", "arn:aws:iam::111122223333:user/bob");
    }

    [Benchmark(Baseline = true)]
    public bool Allow() => PolicyEvaluator.EvaluateOutcome(allowed, input).IsAllowed;

    [Benchmark]
    public bool ImplicitDeny() => PolicyEvaluator.EvaluateOutcome(denied, input).IsAllowed;

    // Returned rather than read, so that the JIT cannot keep the Decision on the stack: callers keep it.
    [Benchmark]
    public Decision AllowDecision() => PolicyEvaluator.Evaluate(allowed, input);

    [Benchmark]
    public Decision ImplicitDenyDecision() => PolicyEvaluator.Evaluate(denied, input);

    private static RequestContext Context(string action, string resource)
    {
        var context = new RequestContext(action, resource)
        {
            PrincipalArn = "arn:aws:iam::111122223333:user/alice",
            PrincipalAccount = "111122223333",
            PrincipalType = PrincipalType.User,
        };
        context.Set("aws:username", "alice").Set("aws:userid", "AIDAEXAMPLEEXAMPLE01").Set("aws:PrincipalArn", "arn:aws:iam::111122223333:user/alice")
            .Set("aws:RequestedRegion", "us-east-1").Set("aws:SecureTransport", "true").Set("aws:SourceIp", "10.1.2.3")
            .Set("aws:CurrentTime", "2026-11-24T12:00:00Z").Set("aws:PrincipalTag/team", "web").Set("aws:MultiFactorAuthPresent", "true");
        return context;
    }

    /// <summary>Ten statements; the identity allow for iam:GetRole sits in the last policy's last statement.</summary>
    private static string Policy(int index)
    {
        var statements = new List<string>();
        for (var s = 0; s < 9; s++)
        {
            statements.Add(s switch
            {
                0 => $$$$"""{"Sid":"S{{{{index}}}}{{{{s}}}}","Effect":"Allow","Action":["ec2:Describe*","ec2:Get*"],"Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":["eu-west-1","eu-west-2"]}}}""",
                1 => $$"""{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket-{{index}}/${aws:username}/*"}""",
                2 => """{"Effect":"Deny","Action":"iam:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}""",
                3 => """{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::*:role/deploy-*","Condition":{"StringLike":{"aws:PrincipalTag/team":"ops*"}}}""",
                4 => """{"Effect":"Deny","NotAction":["iam:*","sts:*","ec2:*","s3:*"],"Resource":"*"}""",
                5 => """{"Effect":"Allow","Action":"iam:List*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":["192.168.0.0/16"]}}}""",
                6 => """{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}""",
                7 => """{"Effect":"Allow","Action":"iam:Get*","Resource":"arn:aws:iam::111122223333:user/${aws:username}","Condition":{"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}}""",
                _ => """{"Effect":"Deny","Action":"iam:Delete*","Resource":"arn:aws:iam::111122223333:role/protected/*"}""",
            });
        }

        statements.Add(index == 4
            ? """{"Sid":"RoleAccess","Effect":"Allow","Action":["iam:GetRole","iam:ListRolePolicies"],"Resource":"arn:aws:iam::111122223333:role/app/*-${aws:username}","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}"""
            : """{"Effect":"Allow","Action":"cloudwatch:Get*","Resource":"*"}""");
        return $$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", statements)}}]}""";
    }

    private static PolicyDocument Parse(string text)
    {
        var result = PolicyParser.Parse(text, PolicyKind.Identity);
        return result.Document ?? throw new InvalidOperationException(result.Error);
    }
}
