using System.Text;

namespace Emulator.Policy.Tests.Properties;

/// <summary>Thousands of mutated documents: the parser answers every one with a document or an IAM message, never an exception.</summary>
public class ParserFuzzTests
{
    private const int Iterations = 5000;

    private static readonly string[] Seeds =
    [
        """{"Version":"2012-10-17","Statement":[{"Sid":"Own","Effect":"Allow","Action":["iam:CreateAccessKey","iam:*AccessKey*"],"Resource":"arn:aws:iam::*:user/${aws:username}","Condition":{"StringEquals":{"aws:PrincipalTag/team":"${aws:PrincipalTag/team, 'x'}"},"NumericLessThan":{"aws:MultiFactorAuthAge":3600},"DateGreaterThan":{"aws:CurrentTime":"2024-05-01T12:00:00Z"},"IpAddress":{"aws:SourceIp":["10.0.0.0/8","2001:db8::/32"]},"Bool":{"aws:SecureTransport":true}}},{"Effect":"Deny","NotAction":"iam:Get*","NotResource":["arn:aws:iam::111122223333:role/*",null]}]}""",
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111111111111:role/abcd","222222222222"],"Service":"ec2.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"],"Condition":{"StringEquals":{"sts:ExternalId":"x"},"ForAllValues:StringLike":{"sts:TransitiveTagKeys":"team*"}}}]}""",
        """{"Version":"2008-10-17","Id":"p","Statement":{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*","Condition":{"ArnLike":{"ec2:SourceInstanceARN":"arn:aws:ec2:*:*:instance/*"},"BinaryEquals":{"test:Key":"QmluYXJ5"},"Null":{"aws:TokenIssueTime":"false"}}}}""",
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::bucket","arn:aws:s3:::bucket/*"]},{"Sid":"","Effect":"Deny","Action":"*","Resource":"*","Condition":{"ForAnyValue:StringNotEqualsIfExists":{"aws:TagKeys":["a","b"]}}}]}""",
        """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"s3:DeleteObject","Resource":"arn:aws:s3:::bucket/*"}]}""",
    ];

    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ":", ",", "\"", "\\", "\\u0000", "\\ud800", "null", "true", "1e999", "-0", "*", "?", "${", "}}", "::", "arn:",
        "\"Allow\"", "\"Deny\"", "\"Statement\"", "\"Condition\"", "\"Resource\"", "\"Principal\"", "IfExists", "ForAnyValue:", "\u00e9", "\ud83d\ude00", " ",
    ];

    private static readonly (string From, string To)[] TypeSwaps =
    [
        ("\"Allow\"", "true"), ("\"Deny\"", "[\"Deny\"]"), ("[", "{"), ("{", "["), ("\"*\"", "{}"), ("\"*\"", "[]"), ("\"2012-10-17\"", "2012"),
        ("\"Statement\":[", "\"Statement\":{"), (":\"", ":[\""), ("3600", "\"3600\""), ("true", "\"yes\""), ("\"", ""), ("\"Version\"", "\"version\""),
    ];

    [Fact]
    public void Mutated_documents_yield_a_document_or_an_error_and_never_throw()
    {
        var random = new Random(20240501);
        var valid = 0;
        var invalid = 0;
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var document = Mutate(Seeds[random.Next(Seeds.Length)], random);
            foreach (var kind in Enum.GetValues<PolicyKind>())
            {
                PolicyParseResult result = null!;
                var parse = () => result = PolicyParser.Parse(document, kind);
                parse.Should().NotThrow(because: "document {0} as {1}", document, kind);
                (result.Document is null).Should().Be(result.Error is not null);
                if (result.Document is { } parsed)
                {
                    valid++;
                    EvaluateWithoutThrowing(parsed, kind);
                }
                else
                {
                    result.Error.Should().NotBeNullOrWhiteSpace();
                    invalid++;
                }
            }
        }

        valid.Should().BePositive();
        invalid.Should().BePositive();
    }

    private static void EvaluateWithoutThrowing(PolicyDocument document, PolicyKind kind)
    {
        var source = new PolicySource("fuzzed", kind is PolicyKind.Trust or PolicyKind.Resource ? PolicySetType.Resource : PolicySetType.Identity, document);
        var input = source.Type == PolicySetType.Resource
            ? new EvaluationInput { ResourcePolicies = [source], RequireResourcePolicyAllow = true }
            : new EvaluationInput { IdentityPolicies = [source] };
        var request = Callers.User("iam:CreateAccessKey", "arn:aws:iam::111122223333:user/alice")
            .Set("aws:PrincipalTag/team", "x")
            .Set("aws:MultiFactorAuthAge", "12")
            .Set("aws:CurrentTime", "2025-01-01T00:00:00Z")
            .Set("aws:SourceIp", "10.1.2.3")
            .Set("aws:TagKeys", ["a", "c"]);
        var decision = PolicyEvaluator.Evaluate(request, input);
        if (!decision.IsAllowed)
        {
            decision.DenialMessage().Should().StartWith("User: ");
        }
    }

    private static string Mutate(string seed, Random random)
    {
        var text = new StringBuilder(seed);
        var mutations = random.Next(1, 5);
        for (var mutation = 0; mutation < mutations; mutation++)
        {
            var position = text.Length == 0 ? 0 : random.Next(text.Length);
            switch (random.Next(7))
            {
                case 0:
                    if (text.Length > 0)
                    {
                        text[position] = (char)random.Next(0x20, 0x7F);
                    }

                    break;
                case 1:
                    text.Insert(position, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2:
                    text.Remove(position, Math.Min(random.Next(1, 12), text.Length - position));
                    break;
                case 3:
                    text.Length = position;
                    break;
                case 4:
                    var length = Math.Min(random.Next(1, 40), text.Length - position);
                    text.Insert(position, text.ToString(position, length));
                    break;
                default:
                    var (from, to) = TypeSwaps[random.Next(TypeSwaps.Length)];
                    var current = text.ToString();
                    var index = current.IndexOf(from, random.Next(Math.Max(1, current.Length)) % Math.Max(1, current.Length), StringComparison.Ordinal);
                    if (index < 0)
                    {
                        index = current.IndexOf(from, StringComparison.Ordinal);
                    }

                    if (index >= 0)
                    {
                        text.Remove(index, from.Length).Insert(index, to);
                    }

                    break;
            }
        }

        return text.ToString();
    }
}
