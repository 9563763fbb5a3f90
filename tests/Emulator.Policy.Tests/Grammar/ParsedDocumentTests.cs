namespace Emulator.Policy.Tests.Grammar;

public class ParsedDocumentTests
{
    [Fact]
    public void Statement_may_be_a_single_object()
    {
        var document = Policies.Parse("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}}""");

        document.Statements.Should().ContainSingle().Which.Effect.Should().Be(StatementEffect.Allow);
    }

    [Fact]
    public void Statement_array_keeps_document_order_and_positions()
    {
        var document = Policies.Parse(Policies.WithStatement("""{"Sid":"First","Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"Deny","Action":"iam:*","Resource":"*"}"""));

        document.Statements.Select(statement => (statement.Index, statement.Sid, statement.Effect))
            .Should().Equal((0, "First", StatementEffect.Allow), (1, null, StatementEffect.Deny));
        document.Statements[1].Label.Should().Be("Statement[1]");
    }

    [Fact]
    public void Action_and_resource_may_be_strings_or_arrays()
    {
        var document = Policies.Parse(Policies.WithStatement("""{"Effect":"Allow","Action":["iam:GetRole","iam:ListRoles"],"NotResource":"arn:aws:iam::111122223333:role/admin"}"""));
        var statement = document.Statements[0];

        statement.Actions.Should().Equal("iam:GetRole", "iam:ListRoles");
        statement.IsNotAction.Should().BeFalse();
        statement.Resources.Should().Equal("arn:aws:iam::111122223333:role/admin");
        statement.IsNotResource.Should().BeTrue();
    }

    [Fact]
    public void Null_items_in_resource_arrays_are_skipped()
    {
        var document = Policies.Parse(Policies.WithStatement("""{"Effect":"Allow","Action":"kms:CreateGrant","Resource":["arn:aws:kms:*:123456789012:key/*",null]}"""), PolicyKind.Managed);

        document.Statements[0].Resources.Should().Equal("arn:aws:kms:*:123456789012:key/*");
    }

    [Fact]
    public void Version_is_empty_when_absent()
    {
        Policies.Parse("""{"Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}}""").Version.Should().BeEmpty();
        Policies.Parse(Policies.Allow("s3:ListBucket")).Version.Should().Be("2012-10-17");
    }

    [Fact]
    public void Trust_policy_principals_are_listed_by_type()
    {
        var document = Policies.Parse(
            Policies.WithStatement("""{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111111111111:role/abcd","222222222222"],"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"},{"Effect":"Allow","Principal":"*","Action":"sts:TagSession"}"""),
            PolicyKind.Trust);

        document.Principals.Should().Equal(
            new PolicyPrincipal("AWS", "arn:aws:iam::111111111111:role/abcd"),
            new PolicyPrincipal("AWS", "222222222222"),
            new PolicyPrincipal("Service", "ec2.amazonaws.com"),
            new PolicyPrincipal("*", "*"));
        document.Statements[0].HasResourceElement.Should().BeFalse();
    }

    [Fact]
    public void Invalid_principal_message_names_type_and_value() =>
        new PolicyPrincipal("AWS", "arn:aws:iam::111122223333:role/missing").InvalidPrincipalMessage()
            .Should().Be("Invalid principal in policy: \"AWS\":\"arn:aws:iam::111122223333:role/missing\"");

    [Fact]
    public void Size_counts_every_character_except_whitespace()
    {
        const string Document = "{ \"Version\": \"2012-10-17\",\n \"Statement\": { \"Effect\": \"Allow\", \"Action\": \"s3:List Bucket\", \"Resource\": \"*\" } }";

        Policies.Parse(Document).SizeWithoutWhitespace.Should().Be(Document.Count(character => !char.IsWhiteSpace(character)));
    }

    [Fact]
    public void Conditions_are_compiled_per_operator_and_key()
    {
        var document = Policies.Parse(Policies.WithStatement("""{"Effect":"Allow","Action":"iam:TagUser","Resource":"*","Condition":{"StringEquals":{"aws:RequestTag/CostCenter":["A-123","B-456"]},"ForAllValues:StringLikeIfExists":{"aws:TagKeys":"Cost*"}}}"""));
        var conditions = document.Statements[0].Conditions;

        conditions.Should().HaveCount(2);
        conditions[0].Operator.Should().Be(ConditionOperator.StringEquals);
        conditions[0].Values.Should().Equal("A-123", "B-456");
        conditions[1].OperatorName.Should().Be("ForAllValues:StringLikeIfExists");
        conditions[1].Operator.Should().Be(ConditionOperator.StringLike);
        conditions[1].SetQualifier.Should().Be(ConditionSetQualifier.ForAllValues);
        conditions[1].IfExists.Should().BeTrue();
    }

    [Fact]
    public void Condition_values_may_be_json_numbers_and_booleans()
    {
        var document = Policies.Parse(Policies.WithStatement("""{"Effect":"Allow","Action":"kms:CreateGrant","Resource":"*","Condition":{"Bool":{"kms:GrantIsForAWSResource":true},"NumericLessThan":{"aws:MultiFactorAuthAge":3600}}}"""));

        document.Statements[0].Conditions.Select(condition => condition.Values[0]).Should().Equal("true", "3600");
    }

    [Fact]
    public void Repeated_json_member_keeps_its_last_value()
    {
        var document = Policies.Parse("""{"Version":"2012-10-17","Statement":{"Effect":"Deny","Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}}""");

        document.Statements[0].Effect.Should().Be(StatementEffect.Allow);
    }

    [Fact]
    public void Parse_never_throws_for_null_input() =>
        PolicyParser.Parse(null!, PolicyKind.Identity).Error.Should().Be(PolicyGrammarMessages.SyntaxErrors);

    [Theory]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":{"DateGreaterThan":{"a":"01T"}}}}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":{"DateLessThanEquals":{"a":"2016-12-13T21:20:37.593194+00:00"}}}}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":{"DateLessThan":{"a":"-292275054"}}}}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam: asdf safdsf af ","Resource":"arn:aws:s3:::example_bucket"}}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:fdsasf"}}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:us-west-2:123456789012:accesspoint/my-access-point"}}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ec2:*","Resource":"arn:aws:ec2:us-east-1::instance/*"}}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"s3:ListBucket","NotResource":"*"}}""")]
    [InlineData("""{"Version":"2012-10-17","Conditions":"ignored","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"DateGreaterThan":{"a":[]}}}}""")]
    public void Documents_iam_accepts_are_valid(string document) =>
        PolicyParser.Parse(document, PolicyKind.Managed).Error.Should().BeNull();

    [Theory]
    [InlineData("2016-12-13t2:00:00.593194+1")]
    [InlineData("2016-12-13t2:00:00.1999999999+10:59")]
    [InlineData("9223372036854775808")]
    [InlineData("234-13")]
    public void Date_values_iam_cannot_read_fail_legacy_parsing(string value) =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"DateLessThanEquals":{"a":"VALUE"}}}""".Replace("VALUE", value, StringComparison.Ordinal)))
            .Should().Be(PolicyGrammarMessages.LegacyParsingFailed);
}
