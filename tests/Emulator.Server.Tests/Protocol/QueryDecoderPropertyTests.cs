using System.Text;
using CsCheck;
using Emulator.Core.Errors;
using Emulator.Server.Authentication;
using Emulator.Server.Protocol;

namespace Emulator.Server.Tests.Protocol;

/// <summary>The one decoder: what the signature covers is what the parameters say, for any text.</summary>
public sealed class QueryDecoderPropertyTests
{
    /// <summary>Any UTF-16 text without lone surrogates (those cannot be UTF-8 encoded by a client).</summary>
    private static readonly Gen<string> Text = Gen.Char.Where(c => !char.IsSurrogate(c)).Array[0, 12].Select(chars => new string(chars));

    private static readonly Gen<List<(string Key, string Value)>> Pairs =
        Gen.Select(Text.Where(k => k.Length > 0), Text).List[0, 8]
            .Select(list => list.DistinctBy(p => p.Item1).Select(p => (p.Item1, p.Item2)).ToList());

    [Fact]
    public void Decoding_an_SDK_encoded_form_gives_back_every_name_and_value() =>
        Pairs.Sample(pairs =>
        {
            var parameters = QueryParameters.Parse("", string.Join('&', pairs.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")));
            return parameters.Count == pairs.Count && pairs.All(p => parameters[p.Key] == p.Value);
        });

    [Fact]
    public void The_canonical_query_is_the_RFC_3986_encoding_of_the_decoded_pairs_sorted() =>
        Pairs.Sample(pairs =>
        {
            var raw = string.Join('&', pairs.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
            var expected = string.Join('&', pairs
                .Select(p => (Key: Rfc3986(p.Key), Value: Rfc3986(p.Value)))
                .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
                .Select(p => $"{p.Key}={p.Value}"));
            var parameters = QueryParameters.Parse(raw);
            return SigV4Signer.CanonicalQueryString(raw, false) == expected
                && SigV4Signer.CanonicalQueryString(parameters.QueryPairs, false) == expected;
        });

    [Fact]
    public void List_members_come_back_in_index_order_whatever_order_they_were_sent_in() =>
        Gen.Int[1, 100_000].HashSet[1, 30].SelectMany(set => Gen.Shuffle(set.ToArray())).Sample(indexes =>
        {
            var form = string.Join('&', indexes.SelectMany(i => new[] { $"Tags.member.{i}.Key=k{i}", $"Tags.member.{i}.Value=v{i}" }));
            var tags = QueryParameters.Parse("", form).Tags();
            return tags.Select(t => t.Key).SequenceEqual(indexes.Order().Select(i => $"k{i}"))
                && tags.All(t => t.Value == "v" + t.Key[1..]);
        });

    [Fact]
    public void Forty_thousand_tags_are_grouped_in_one_pass()
    {
        var form = new StringBuilder("Action=TagRole");
        for (var i = 1; i <= 40_000; i++)
        {
            form.Append("&Tags.member.").Append(i).Append(".Key=k").Append(i);
        }

        var tags = QueryParameters.Parse("", form.ToString()).Tags();

        tags.Should().HaveCount(40_000);
        tags[39_999].Key.Should().Be("k40000");
    }

    [Theory]
    [InlineData("a=%", "%")]
    [InlineData("a=%zz", "%zz")]
    [InlineData("a=%2", "%2")]
    [InlineData("a=x+y", "x y")]
    public void Incomplete_escapes_decode_to_their_literal_text(string form, string value) =>
        QueryParameters.Parse("", form)["a"].Should().Be(value);

    [Theory]
    [InlineData("a=%e9")]
    [InlineData("a=%C3")]
    [InlineData("a=%ED%A0%80")]
    [InlineData("%FF=x")]
    [InlineData("a=%C0%AF")]
    public void Escapes_that_are_not_UTF_8_are_MalformedQueryString(string form)
    {
        var parse = () => QueryParameters.Parse("", form);

        parse.Should().Throw<AwsException>().Which.Error.Message.Should().Be("The request's percent-encoded text is not valid UTF-8.");
    }

    [Fact]
    public void Indexes_that_are_zero_or_have_leading_zeros_are_not_list_members() =>
        QueryParameters.Parse("", "L.member.0=a&L.member.01=b&L.member.2=d").List("L").Should().Equal("d");

    [Fact]
    public void An_index_beyond_the_integer_range_is_MalformedQueryString()
    {
        var read = () => QueryParameters.Parse("", "L.member.99999999999=c").List("L");

        read.Should().Throw<AwsException>().Which.Error.Code.Should().Be("MalformedQueryString");
    }

    [Theory]
    [InlineData("5\u0000")]
    [InlineData(" 5")]
    [InlineData("5 ")]
    [InlineData("+5")]
    [InlineData("99999999999")]
    public void Integers_are_digits_only(string escaped)
    {
        var text = System.Text.RegularExpressions.Regex.Unescape(escaped);
        var read = () => QueryParameters.Parse("", "MaxItems=" + Uri.EscapeDataString(text)).Int("MaxItems", "maxItems");

        read.Should().Throw<AwsException>().Which.Error.Code.Should().Be("ValidationError");
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("2")]
    [InlineData("")]
    public void Booleans_are_true_or_false(string text)
    {
        var read = () => QueryParameters.Parse("", "OnlyAttached=" + text).Bool("OnlyAttached");

        read.Should().Throw<AwsException>().Which.Error.Message.Should().Be($"1 validation error detected: Value '{text}' at 'onlyAttached' failed to satisfy constraint: Member must be a boolean");
    }

    [Fact]
    public void Nested_lists_are_grouped_too() =>
        QueryParameters.Parse("", "Filter.2.Name=b&Filter.1.Name=a&Filter.1.Value.2=y&Filter.1.Value.1=x")
            .Indexed("Filter.1.Value", "").Should().Equal("x", "y");

    [Theory]
    [InlineData("Action=A&Action=B", "")]
    [InlineData("Action=A", "Action=B")]
    public void A_name_given_twice_in_the_query_or_the_body_is_MalformedQueryString(string query, string form)
    {
        var parse = () => QueryParameters.Parse(query, form);

        parse.Should().Throw<AwsException>().Which.Error.Code.Should().Be("MalformedQueryString");
    }

    private static string Rfc3986(string text)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            builder.Append(char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~' ? ((char)b).ToString() : $"%{b:X2}");
        }

        return builder.ToString();
    }
}
