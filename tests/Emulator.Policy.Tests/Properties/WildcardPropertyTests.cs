using System.Text;
using System.Text.RegularExpressions;
using CsCheck;

namespace Emulator.Policy.Tests.Properties;

/// <summary>The wildcard matchers agree with a plain regular-expression translation of the same pattern.</summary>
public class WildcardPropertyTests
{
    private static readonly Gen<string> ActionPatterns = Gen.Char["aB*?"].Array[0, 8].Select(characters => new string(characters));
    private static readonly Gen<string> ActionNames = Gen.Char["abAB"].Array[0, 10].Select(characters => new string(characters));
    private static readonly Gen<string> SegmentPatterns = Gen.Char["ab*?"].Array[0, 3].Select(characters => new string(characters));
    private static readonly Gen<string> Segments = Gen.Char["ab"].Array[0, 3].Select(characters => new string(characters));
    private static readonly Gen<string> ResourcePartPatterns = Gen.Char["ab:/*?"].Array[0, 6].Select(characters => new string(characters));
    private static readonly Gen<string> ResourceParts = Gen.Char["ab:/"].Array[0, 6].Select(characters => new string(characters));

    [Fact]
    public void Action_wildcards_match_like_a_case_insensitive_regex() =>
        Gen.Select(ActionPatterns, ActionNames).Sample((pattern, name) =>
        {
            var expected = Regex.IsMatch("svc:" + name, "^svc:" + Translate(pattern, "[\\s\\S]*", "[\\s\\S]") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            var decision = Callers.Evaluate(Callers.User("svc:" + name), Policies.Allow("svc:" + pattern));
            decision.IsAllowed.Should().Be(expected, because: "pattern svc:{0} against svc:{1}", pattern, name);
        }, iter: 3000);

    [Fact]
    public void Arn_wildcards_match_like_a_regex_whose_stars_stop_at_colons_before_the_resource_part() =>
        Gen.Select(SegmentPatterns, SegmentPatterns, ResourcePartPatterns, Segments, Segments, ResourceParts).Sample(
            (regionPattern, accountPattern, resourcePattern, region, account, resource) =>
            {
                var regex = "^arn:aws:ec2:" + Translate(regionPattern, "[^:]*", "[^:]") + ":" + Translate(accountPattern, "[^:]*", "[^:]")
                    + ":" + Translate(resourcePattern, "[\\s\\S]*", "[\\s\\S]") + "$";
                var arn = $"arn:aws:ec2:{region}:{account}:{resource}";
                var expected = Regex.IsMatch(arn, regex, RegexOptions.CultureInvariant);
                var pattern = $"arn:aws:ec2:{regionPattern}:{accountPattern}:{resourcePattern}";
                var decision = Callers.Evaluate(Callers.User("ec2:StartInstances", arn), Policies.Allow("ec2:StartInstances", pattern));
                decision.IsAllowed.Should().Be(expected, because: "pattern {0} against {1}", pattern, arn);
            },
            iter: 3000);

    [Fact]
    public void StringLike_matches_like_a_case_sensitive_regex() =>
        Gen.Select(ActionPatterns, ActionNames).Sample((pattern, value) =>
        {
            var expected = Regex.IsMatch(value, "^" + Translate(pattern, "[\\s\\S]*", "[\\s\\S]") + "$", RegexOptions.CultureInvariant);
            var policy = Policies.WithStatement("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"test:Key":"PATTERN"}}}""".Replace("PATTERN", pattern, StringComparison.Ordinal));
            Callers.Evaluate(Callers.User("s3:GetObject").Set("test:Key", value), policy).IsAllowed.Should().Be(expected);
        }, iter: 2000);

    private static string Translate(string pattern, string anyRun, string anyOne)
    {
        var regex = new StringBuilder();
        foreach (var character in pattern)
        {
            regex.Append(character switch
            {
                '*' => anyRun,
                '?' => anyOne,
                _ => Regex.Escape(character.ToString()),
            });
        }

        return regex.ToString();
    }
}
