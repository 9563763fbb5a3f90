namespace Emulator.Policy.Tests.Conditions;

/// <summary>Every condition operator of §4: a match, a non-match, a missing key, and its IfExists variant.</summary>
public class OperatorTests
{
    private static readonly (string Operator, string PolicyValue, string Matching, string NotMatching)[] Cases =
    [
        ("StringEquals", "abc", "abc", "ABC"),
        ("StringNotEquals", "abc", "xyz", "abc"),
        ("StringEqualsIgnoreCase", "abc", "ABC", "abd"),
        ("StringNotEqualsIgnoreCase", "abc", "abd", "ABC"),
        ("StringLike", "a*c?", "abbcd", "abbc"),
        ("StringNotLike", "a*c?", "abbc", "abbcd"),
        ("NumericEquals", "10", "10.0", "11"),
        ("NumericNotEquals", "10", "11", "10"),
        ("NumericLessThan", "10", "9.5", "10"),
        ("NumericLessThanEquals", "10", "10", "10.01"),
        ("NumericGreaterThan", "10", "11", "10"),
        ("NumericGreaterThanEquals", "10", "10", "9"),
        ("DateEquals", "2024-05-01T12:00:00Z", "2024-05-01T14:00:00+02:00", "2024-05-01T12:00:01Z"),
        ("DateNotEquals", "2024-05-01T12:00:00Z", "2024-05-01T12:00:01Z", "1714564800"),
        ("DateLessThan", "2024-05-01", "2024-04-30T23:59:59Z", "2024-05-01T00:00:00Z"),
        ("DateLessThanEquals", "2024-05-01T00:00:00Z", "1714521600", "1714521601"),
        ("DateGreaterThan", "2024-05-01T00:00:00Z", "2024-05-01T00:00:01Z", "2024-05-01"),
        ("DateGreaterThanEquals", "2024-05-01T00:00:00Z", "2024-05-01", "2024-04-30T23:59:59Z"),
        ("Bool", "true", "true", "false"),
        ("BinaryEquals", "QmluYXJ5", "QmluYXJ5", "QmluYXJ6"),
        ("IpAddress", "203.0.113.0/24", "203.0.113.77", "203.0.114.1"),
        ("NotIpAddress", "203.0.113.0/24", "198.51.100.1", "203.0.113.5"),
        ("ArnEquals", "arn:aws:iam::111122223333:role/*", "arn:aws:iam::111122223333:role/web", "arn:aws:iam::444455556666:role/web"),
        ("ArnLike", "arn:aws:iam::111122223333:role/*", "arn:aws:iam::111122223333:role/web", "arn:aws:iam::444455556666:role/web"),
        ("ArnNotEquals", "arn:aws:iam::111122223333:role/*", "arn:aws:iam::444455556666:role/web", "arn:aws:iam::111122223333:role/web"),
        ("ArnNotLike", "arn:aws:iam::111122223333:role/*", "arn:aws:iam::444455556666:role/web", "arn:aws:iam::111122223333:role/web"),
    ];

    public static TheoryData<string, string, string, string> AllCases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (conditionOperator, policyValue, matching, notMatching) in Cases)
        {
            data.Add(conditionOperator, policyValue, matching, notMatching);
        }

        return data;
    }

    public static TheoryData<string, string, bool> MissingKeyCases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (conditionOperator, policyValue, _, _) in Cases)
        {
            var negated = conditionOperator.Contains("Not", StringComparison.Ordinal);
            data.Add(conditionOperator, policyValue, negated);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Operator_is_true_for_a_matching_value_and_false_for_another(string conditionOperator, string policyValue, string matching, string notMatching)
    {
        ConditionTesting.Holds(conditionOperator, ConditionTesting.Json(policyValue), matching).Should().BeTrue();
        ConditionTesting.Holds(conditionOperator, ConditionTesting.Json(policyValue), notMatching).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(MissingKeyCases))]
    public void Missing_key_makes_positive_operators_false_and_negated_operators_true(string conditionOperator, string policyValue, bool expected) =>
        ConditionTesting.Holds(conditionOperator, ConditionTesting.Json(policyValue), null).Should().Be(expected);

    [Theory]
    [MemberData(nameof(MissingKeyCases))]
    public void IfExists_variant_is_true_when_the_key_is_missing(string conditionOperator, string policyValue, bool withoutIfExists)
    {
        ConditionTesting.Holds(conditionOperator + "IfExists", ConditionTesting.Json(policyValue), null).Should().BeTrue();
        ConditionTesting.Holds(conditionOperator, ConditionTesting.Json(policyValue), null).Should().Be(withoutIfExists);
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void IfExists_variant_tests_a_present_value_normally(string conditionOperator, string policyValue, string matching, string notMatching)
    {
        ConditionTesting.Holds(conditionOperator + "IfExists", ConditionTesting.Json(policyValue), matching).Should().BeTrue();
        ConditionTesting.Holds(conditionOperator + "IfExists", ConditionTesting.Json(policyValue), notMatching).Should().BeFalse();
    }

    [Fact]
    public void Null_true_holds_when_the_key_is_absent()
    {
        ConditionTesting.Holds("Null", "\"true\"", null).Should().BeTrue();
        ConditionTesting.Holds("Null", "\"true\"", "x").Should().BeFalse();
    }

    [Fact]
    public void Null_false_holds_when_the_key_is_present()
    {
        ConditionTesting.Holds("Null", "\"false\"", "x").Should().BeTrue();
        ConditionTesting.Holds("Null", "false", null).Should().BeFalse();
    }

    [Fact]
    public void Null_treats_an_empty_value_as_absent() =>
        ConditionTesting.Holds("Null", "\"true\"", "").Should().BeTrue();

    [Fact]
    public void Null_does_not_report_its_key_as_missing()
    {
        var policy = Policies.WithStatement("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Null":{"aws:TokenIssueTime":"true"}}}""");

        Callers.Evaluate(Callers.User("s3:GetObject"), policy).MissingContextKeys.Should().BeEmpty();
    }
}
