namespace Emulator.Policy.Tests.Conditions;

using static ConditionTesting;

public class OperatorDetailTests
{
    [Fact]
    public void StringLike_with_question_mark_matches_exactly_one_character()
    {
        Holds("StringLike", Json("home/?"), "home/a").Should().BeTrue();
        Holds("StringLike", Json("home/?"), "home/").Should().BeFalse();
        Holds("StringLike", Json("home/?"), "home/ab").Should().BeFalse();
    }

    [Fact]
    public void StringLike_star_matches_any_run_including_none()
    {
        Holds("StringLike", Json("home/*"), "home/").Should().BeTrue();
        Holds("StringLike", Json("home/*"), "home/alice/docs").Should().BeTrue();
        Holds("StringLike", Json("*"), "").Should().BeTrue();
    }

    [Fact]
    public void StringEquals_is_case_sensitive_and_has_no_wildcards()
    {
        Holds("StringEquals", Json("Data"), "data").Should().BeFalse();
        Holds("StringEquals", Json("a*"), "abc").Should().BeFalse();
        Holds("StringEquals", Json("a*"), "a*").Should().BeTrue();
    }

    [Fact]
    public void Condition_key_names_are_case_insensitive() =>
        Holds("""
            "StringEquals":{"TEST:KEY":"a"}
            """, Request("a")).Should().BeTrue();

    [Fact]
    public void Several_values_for_one_key_are_ored()
    {
        Holds("StringEquals", """["A-123","B-456"]""", "B-456").Should().BeTrue();
        Holds("StringEquals", """["A-123","B-456"]""", "C-789").Should().BeFalse();
    }

    [Fact]
    public void Negated_operator_with_several_values_must_match_none()
    {
        Holds("StringNotEquals", """["a","b"]""", "c").Should().BeTrue();
        Holds("StringNotEquals", """["a","b"]""", "b").Should().BeFalse();
    }

    [Fact]
    public void Several_keys_in_one_block_are_anded()
    {
        var block = """
            "StringEquals":{"test:Key":"a","test:Other":"b"}
            """;

        Holds(block, Request("a").Set("test:Other", "b")).Should().BeTrue();
        Holds(block, Request("a").Set("test:Other", "x")).Should().BeFalse();
    }

    [Fact]
    public void Several_operator_blocks_are_anded()
    {
        var blocks = """
            "StringEquals":{"test:Key":"a"},"NumericLessThan":{"test:Number":"5"}
            """;

        Holds(blocks, Request("a").Set("test:Number", "4")).Should().BeTrue();
        Holds(blocks, Request("a").Set("test:Number", "6")).Should().BeFalse();
    }

    [Fact]
    public void Numeric_operators_accept_json_numbers_and_decimals()
    {
        Holds("NumericLessThan", "3600", "1200").Should().BeTrue();
        Holds("NumericEquals", "1.0", "1").Should().BeTrue();
        Holds("NumericGreaterThan", "-1.5e2", "-100").Should().BeTrue();
    }

    [Fact]
    public void Numeric_operator_with_an_unparsable_request_value_is_false_even_when_negated()
    {
        Holds("NumericEquals", Json("10"), "ten").Should().BeFalse();
        Holds("NumericNotEquals", Json("10"), "ten").Should().BeFalse();
    }

    [Fact]
    public void Numeric_policy_value_that_is_not_a_number_matches_nothing() =>
        Holds("NumericEquals", Json("ten"), "10").Should().BeFalse();

    [Fact]
    public void Date_operators_compare_epoch_seconds_with_iso_dates()
    {
        Holds("DateGreaterThan", Json("2024-01-01T00:00:00Z"), "1735689600").Should().BeTrue();
        Holds("DateLessThan", Json("1735689600"), "2024-12-31T23:59:59Z").Should().BeTrue();
    }

    [Fact]
    public void Date_with_fractional_seconds_and_offset_is_compared_as_an_instant()
    {
        Holds("DateEquals", Json("2024-05-01T12:00:00.5Z"), "2024-05-01T07:00:00.500-05:00").Should().BeTrue();
        Holds("DateLessThan", Json("2024-05-01T12:00:00.5Z"), "2024-05-01T12:00:00.4Z").Should().BeTrue();
    }

    [Fact]
    public void Date_operator_with_an_unparsable_request_value_is_false() =>
        Holds("DateNotEquals", Json("2024-05-01"), "yesterday").Should().BeFalse();

    [Fact]
    public void Bool_accepts_json_booleans_and_any_case()
    {
        Holds("Bool", "true", "true").Should().BeTrue();
        Holds("Bool", Json("True"), "true").Should().BeTrue();
        Holds("Bool", "false", "true").Should().BeFalse();
    }

    [Fact]
    public void BinaryEquals_compares_decoded_bytes_not_text() =>
        Holds("BinaryEquals", Json("QmluYXJ5"), "QmluYXJ5").Should().BeTrue();

    [Fact]
    public void BinaryEquals_with_a_request_value_that_is_not_base64_is_false() =>
        Holds("BinaryEquals", Json("QmluYXJ5"), "not base64!").Should().BeFalse();

    [Fact]
    public void IpAddress_accepts_single_addresses_and_ipv6_blocks()
    {
        Holds("IpAddress", Json("203.0.113.5"), "203.0.113.5").Should().BeTrue();
        Holds("IpAddress", Json("203.0.113.5"), "203.0.113.6").Should().BeFalse();
        Holds("IpAddress", Json("2001:db8::/32"), "2001:db8:1234::1").Should().BeTrue();
        Holds("IpAddress", Json("2001:db8::/32"), "2001:db9::1").Should().BeFalse();
    }

    [Fact]
    public void IpAddress_ignores_host_bits_under_the_prefix() =>
        Holds("IpAddress", Json("10.1.2.3/8"), "10.200.0.1").Should().BeTrue();

    [Fact]
    public void NotIpAddress_with_a_request_value_that_is_not_an_address_is_false() =>
        Holds("NotIpAddress", Json("10.0.0.0/8"), "localhost").Should().BeFalse();

    [Fact]
    public void ArnLike_star_does_not_cross_a_colon_in_the_first_five_segments()
    {
        Holds("ArnLike", Json("arn:aws:iam::*:role/web"), "arn:aws:iam::111122223333:role/web").Should().BeTrue();
        Holds("ArnLike", Json("arn:aws:ec2:us-east-1:*:i-1"), "arn:aws:ec2:us-east-1:111122223333:instance/i-1").Should().BeFalse();
    }

    [Fact]
    public void ArnEquals_accepts_wildcards_like_ArnLike() =>
        Holds("ArnEquals", Json("arn:aws:ec2:*:*:instance/instance-id"), "arn:aws:ec2:us-east-1:111122223333:instance/instance-id").Should().BeTrue();
}
