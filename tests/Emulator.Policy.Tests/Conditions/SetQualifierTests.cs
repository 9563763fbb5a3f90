namespace Emulator.Policy.Tests.Conditions;

using static ConditionTesting;

public class SetQualifierTests
{
    private static readonly string AllowedKeys = """["CostCenter","Project"]""";

    private static bool HoldsFor(string conditionOperator, RequestContext request) =>
        Holds($$"""
            "{{conditionOperator}}":{"{{Key}}":{{AllowedKeys}}}
            """, request);

    [Fact]
    public void ForAnyValue_holds_when_some_request_value_matches()
    {
        HoldsFor("ForAnyValue:StringEquals", RequestWithValues("Owner", "Project")).Should().BeTrue();
        HoldsFor("ForAnyValue:StringEquals", RequestWithValues("Owner", "Team")).Should().BeFalse();
    }

    [Fact]
    public void ForAnyValue_is_false_for_a_missing_key_or_an_empty_set()
    {
        HoldsFor("ForAnyValue:StringEquals", Request(null)).Should().BeFalse();
        HoldsFor("ForAnyValue:StringEquals", RequestWithValues()).Should().BeFalse();
    }

    [Fact]
    public void ForAllValues_holds_when_every_request_value_matches()
    {
        HoldsFor("ForAllValues:StringEquals", RequestWithValues("CostCenter", "Project")).Should().BeTrue();
        HoldsFor("ForAllValues:StringEquals", RequestWithValues("CostCenter", "Owner")).Should().BeFalse();
    }

    [Fact]
    public void ForAllValues_is_true_for_a_missing_key_or_an_empty_set()
    {
        HoldsFor("ForAllValues:StringEquals", Request(null)).Should().BeTrue();
        HoldsFor("ForAllValues:StringEquals", RequestWithValues()).Should().BeTrue();
    }

    [Fact]
    public void ForAllValues_with_a_negated_operator_requires_every_value_to_match_none()
    {
        HoldsFor("ForAllValues:StringNotEquals", RequestWithValues("Owner", "Team")).Should().BeTrue();
        HoldsFor("ForAllValues:StringNotEquals", RequestWithValues("Owner", "Project")).Should().BeFalse();
    }

    [Fact]
    public void ForAnyValue_with_a_negated_operator_requires_some_value_to_match_none()
    {
        HoldsFor("ForAnyValue:StringNotEquals", RequestWithValues("CostCenter", "Owner")).Should().BeTrue();
        HoldsFor("ForAnyValue:StringNotEquals", RequestWithValues("CostCenter", "Project")).Should().BeFalse();
    }

    [Fact]
    public void ForAnyValue_IfExists_is_true_for_a_missing_key() =>
        HoldsFor("ForAnyValue:StringEqualsIfExists", Request(null)).Should().BeTrue();

    [Fact]
    public void Plain_positive_operator_on_a_multi_valued_key_acts_as_ForAnyValue()
    {
        HoldsFor("StringEquals", RequestWithValues("Owner", "Project")).Should().BeTrue();
        HoldsFor("StringEquals", RequestWithValues("Owner", "Team")).Should().BeFalse();
    }

    [Fact]
    public void Plain_negated_operator_on_a_multi_valued_key_requires_no_value_to_match()
    {
        HoldsFor("StringNotEquals", RequestWithValues("Owner", "Team")).Should().BeTrue();
        HoldsFor("StringNotEquals", RequestWithValues("Owner", "Project")).Should().BeFalse();
    }

    [Fact]
    public void ForAllValues_StringLike_applies_wildcards_to_each_value()
    {
        Holds("""
            "ForAllValues:StringLike":{"aws:TagKeys":"Cost*"}
            """, Callers.User("s3:GetObject").Set("aws:TagKeys", ["CostCenter", "CostOwner"])).Should().BeTrue();
        Holds("""
            "ForAllValues:StringLike":{"aws:TagKeys":"Cost*"}
            """, Callers.User("s3:GetObject").Set("aws:TagKeys", ["CostCenter", "Owner"])).Should().BeFalse();
    }
}
