namespace Emulator.Policy.Tests.Grammar;

/// <summary>One test per MalformedPolicyDocument message of policy-evaluation §8.</summary>
public class GrammarMessageTests
{
    private const string Syntax = PolicyGrammarMessages.SyntaxErrors;

    // IAM today answers text that is not JSON (a file name passed instead of its content, a trailing comma)
    // with "This policy contains invalid Json"; JSON of the wrong shape keeps "Syntax errors in policy.".
    [Fact]
    public void Text_that_is_not_json_is_invalid_json() =>
        Policies.ErrorOf("This is not a json document").Should().Be("This policy contains invalid Json");

    [Fact]
    public void A_trailing_comma_is_invalid_json() =>
        Policies.ErrorOf("""{"Version":"2012-10-17","Statement":[{"Action":"sts:AssumeRole","Principal":"*","Effect":"Allow",}]}""", PolicyKind.Trust)
            .Should().Be("This policy contains invalid Json");

    [Fact]
    public void Empty_text_is_invalid_json() =>
        Policies.ErrorOf("").Should().Be("This policy contains invalid Json");

    [Fact]
    public void Json_that_is_not_an_object_is_a_syntax_error() =>
        Policies.ErrorOf("""["Version"]""").Should().Be(Syntax);

    [Fact]
    public void Statement_of_the_wrong_json_type_is_a_syntax_error() =>
        Policies.ErrorOf("""{"Version":"2012-10-17","Statement":"Allow everything"}""").Should().Be(Syntax);

    [Fact]
    public void Statement_array_item_that_is_not_an_object_is_a_syntax_error() =>
        Policies.ErrorOf("""{"Version":"2012-10-17","Statement":["afd"]}""").Should().Be(Syntax);

    [Fact]
    public void Action_of_the_wrong_json_type_is_a_syntax_error() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":{},"Resource":"*"}""")).Should().Be(Syntax);

    [Fact]
    public void Resource_array_holding_an_object_is_a_syntax_error() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Deny","Action":"s3:ListBucket","Resource":["adfdf",{}]}""")).Should().Be(Syntax);

    [Fact]
    public void Sid_that_is_not_a_string_is_a_syntax_error() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Sid":[],"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}""")).Should().Be(Syntax);

    [Fact]
    public void Id_that_is_not_a_string_is_a_syntax_error() =>
        Policies.ErrorOf("""{"Version":"2012-10-17","Id":{},"Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}}""").Should().Be(Syntax);

    [Fact]
    public void Unknown_top_level_element_is_a_syntax_error() =>
        Policies.ErrorOf("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"},"Extra field":"value"}""").Should().Be(Syntax);

    [Fact]
    public void Unknown_statement_element_is_a_syntax_error() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Extra field":"value"}""")).Should().Be(Syntax);

    [Fact]
    public void Effect_other_than_allow_or_deny_is_a_syntax_error() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"invalid","Action":"s3:ListBucket","Resource":"*"}""")).Should().Be(Syntax);

    [Fact]
    public void Missing_effect_is_a_syntax_error() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Action":"s3:ListBucket","Resource":"*"}""")).Should().Be(Syntax);

    [Fact]
    public void Missing_statement_is_a_syntax_error() =>
        Policies.ErrorOf("""{"Version":"2012-10-17"}""").Should().Be(Syntax);

    [Fact]
    public void Empty_statement_list_is_a_syntax_error() =>
        Policies.ErrorOf("""{"Version":"2012-10-17","Statement":[]}""").Should().Be(Syntax);

    [Fact]
    public void Both_action_and_not_action_is_a_syntax_error() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":"iam:GetRole","NotAction":"s3:ListBucket","Resource":"*"}""")).Should().Be(Syntax);

    [Fact]
    public void Both_resource_and_not_resource_is_a_syntax_error() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","NotResource":"*"}""")).Should().Be(Syntax);

    [Fact]
    public void Unknown_condition_operator_is_a_syntax_error() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"StringEqualz":{"aws:username":"alice"}}}""")).Should().Be(Syntax);

    [Fact]
    public void Operator_with_doubled_qualifier_colon_is_a_syntax_error() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"ForAnyValue::StringEqualsIfExists":{"a":"asf"}}}""")).Should().Be(Syntax);

    [Fact]
    public void Unknown_condition_operator_with_an_empty_block_is_accepted_as_iam_does() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"x":{},"y":{}}}""")).Should().BeNull();

    [Fact]
    public void Condition_value_that_is_an_object_is_a_syntax_error() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"DateGreaterThan":{"a":{}}}}""")).Should().Be(Syntax);

    [Fact]
    public void Condition_that_is_an_array_is_a_syntax_error() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":[{"StringEquals":{"a":"b"}}]}""")).Should().Be(Syntax);

    [Fact]
    public void Version_present_but_unknown_is_a_syntax_error() =>
        Policies.ErrorOf(Policies.Allow("s3:ListBucket").Replace("2012-10-17", "2013-10-17", StringComparison.Ordinal)).Should().Be(Syntax);

    [Fact]
    public void Principal_that_is_a_string_other_than_star_is_a_syntax_error() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Principal":"arn:aws:iam::111122223333:root","Action":"sts:AssumeRole"}"""), PolicyKind.Trust).Should().Be(Syntax);

    [Fact]
    public void Principal_of_an_unknown_type_is_a_syntax_error() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Principal":{"Person":"alice"},"Action":"sts:AssumeRole"}"""), PolicyKind.Trust).Should().Be(Syntax);

    [Fact]
    public void Managed_policy_without_version_must_be_2012_10_17() =>
        Policies.ErrorOf("""{"Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}}""", PolicyKind.Managed)
            .Should().Be(PolicyGrammarMessages.VersionRequired);

    [Fact]
    public void Managed_policy_with_version_2008_10_17_must_be_2012_10_17() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}""", "2008-10-17"), PolicyKind.Managed)
            .Should().Be(PolicyGrammarMessages.VersionRequired);

    [Theory]
    [InlineData(PolicyKind.Identity)]
    [InlineData(PolicyKind.Session)]
    public void Inline_and_session_policies_accept_a_missing_or_2008_version(PolicyKind kind)
    {
        Policies.ErrorOf("""{"Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}}""", kind).Should().BeNull();
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}""", "2008-10-17"), kind).Should().BeNull();
    }

    [Fact]
    public void Trust_policy_accepts_version_2008_10_17() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}""", "2008-10-17"), PolicyKind.Trust)
            .Should().BeNull();

    [Fact]
    public void Effect_in_the_wrong_case_fails_legacy_parsing() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"allow","Action":"s3:ListBucket","Resource":"*"}"""))
            .Should().Be(PolicyGrammarMessages.LegacyParsingFailed);

    [Fact]
    public void Malformed_date_condition_value_fails_legacy_parsing() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"sdfdsf"}}}"""))
            .Should().Be(PolicyGrammarMessages.LegacyParsingFailed);

    [Fact]
    public void Arn_with_double_colon_and_too_few_segments_fails_legacy_parsing() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3::example_bucket"}"""))
            .Should().Be(PolicyGrammarMessages.LegacyParsingFailed);

    [Fact]
    public void Arn_with_an_empty_service_fails_legacy_parsing() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","NotAction":"s3:ListBucket","Resource":"arn:aws::::example_bucket"}"""))
            .Should().Be(PolicyGrammarMessages.LegacyParsingFailed);

    [Fact]
    public void Duplicate_sid_is_refused() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Sid":"sdf","Effect":"Allow","Action":"s3:ListBucket","Resource":"*"},{"Sid":"sdf","Effect":"Allow"}"""))
            .Should().Be(PolicyGrammarMessages.DuplicateSid);

    [Fact]
    public void Several_empty_sids_are_not_duplicates() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Sid":"","Effect":"Allow","Action":"rds:*","Resource":"*"},{"Sid":"","Effect":"Allow","Action":"rds:Describe*","Resource":"*"}"""))
            .Should().BeNull();

    [Fact]
    public void Statement_without_action_must_contain_actions() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Resource":"arn:aws:s3:::example_bucket"}"""))
            .Should().Be(PolicyGrammarMessages.MissingActions);

    [Fact]
    public void Statement_with_empty_action_array_must_contain_actions() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":[],"Resource":"*"}"""))
            .Should().Be(PolicyGrammarMessages.MissingActions);

    [Theory]
    [InlineData(PolicyKind.Identity)]
    [InlineData(PolicyKind.Managed)]
    [InlineData(PolicyKind.Session)]
    public void Permissions_policy_statement_without_resource_must_contain_resources(PolicyKind kind) =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":"s3:ListBucket"}"""), kind)
            .Should().Be(PolicyGrammarMessages.MissingResources);

    [Fact]
    public void Statement_with_empty_resource_array_must_contain_resources() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":"s3:ListBucket","Resource":[]}"""))
            .Should().Be(PolicyGrammarMessages.MissingResources);

    [Fact]
    public void Action_without_a_vendor_prefix_is_refused() =>
        Policies.ErrorOf(Policies.Allow("invalid"))
            .Should().Be("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");

    [Fact]
    public void Action_with_two_colons_is_refused() =>
        Policies.ErrorOf(Policies.Allow("s3:List:Bucket"))
            .Should().Be("Actions/Condition can contain only one colon.");

    [Fact]
    public void Action_vendor_with_invalid_characters_is_refused() =>
        Policies.ErrorOf(Policies.Allow("a a:ListBucket")).Should().Be("Vendor a a is not valid");

    [Fact]
    public void Resource_that_is_neither_an_arn_nor_star_is_refused() =>
        Policies.ErrorOf(Policies.Allow("s3:ListBucket", "invalid resource"))
            .Should().Be("Resource invalid resource must be in ARN format or \"*\".");

    [Fact]
    public void Resource_with_an_unknown_partition_is_refused() =>
        Policies.ErrorOf(Policies.Allow("s3:ListBucket", "arn:error:s3:::example_bucket"))
            .Should().Be("Partition \"error\" is not valid for resource \"arn:error:s3:::example_bucket\".");

    [Fact]
    public void Unknown_partition_message_fills_missing_arn_parts_with_stars() =>
        Policies.ErrorOf(Policies.Allow("s3:ListBucket", "a:b:cadfsdf"))
            .Should().Be("Partition \"b\" is not valid for resource \"arn:b:cadfsdf:*:*:*\".");

    [Fact]
    public void Resource_without_a_service_is_refused() =>
        Policies.ErrorOf(Policies.Allow("s3:ListBucket", "arn:aws"))
            .Should().Be("Resource vendor must be fully qualified and cannot contain regexes.");

    [Fact]
    public void Iam_resource_with_a_region_is_refused() =>
        Policies.ErrorOf(Policies.Allow("iam:GetRole", "arn:aws:iam:us-east-1:111122223333:role/web"))
            .Should().Be("IAM resource arn:aws:iam:us-east-1:111122223333:role/web cannot contain region information.");

    [Fact]
    public void S3_resource_with_a_region_is_refused() =>
        Policies.ErrorOf(Policies.Allow("s3:ListBucket", "arn:aws:s3:us-east-1::example_bucket"))
            .Should().Be("Resource arn:aws:s3:us-east-1::example_bucket can not contain region information.");

    [Theory]
    [InlineData("arn:aws:s3:us-west-2:123456789012:accesspoint/my-access-point")]
    [InlineData("arn:aws:s3:*:*:access-grants/default/grant/*")]
    [InlineData("arn:aws:s3:us-east-1:123456789012:storage-lens/dashboard")]
    public void S3_resources_scoped_to_an_account_may_name_a_region(string resource) =>
        Policies.ErrorOf(Policies.Allow("s3:GetAccessGrant", resource)).Should().BeNull();

    [Fact]
    public void Iam_resource_of_an_unknown_type_is_refused() =>
        Policies.ErrorOf(Policies.Allow("iam:GetRole", "arn:aws:iam::111122223333:robot/web"))
            .Should().Be(PolicyGrammarMessages.IamResourcePath);

    [Theory]
    [InlineData("arn:aws:iam::111122223333:root")]
    [InlineData("arn:aws:iam::*:*")]
    [InlineData("arn:aws:iam::111122223333:role/app/*")]
    [InlineData("arn:aws:iam::111122223333:instance-profile/web")]
    [InlineData("arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com")]
    public void Iam_resources_of_known_types_are_accepted(string resource) =>
        Policies.ErrorOf(Policies.Allow("iam:*", resource)).Should().BeNull();

    [Theory]
    [InlineData(PolicyKind.Identity)]
    [InlineData(PolicyKind.Managed)]
    [InlineData(PolicyKind.Session)]
    public void Principal_in_a_permissions_policy_is_refused(PolicyKind kind) =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:GetObject","Resource":"*"}"""), kind)
            .Should().Be("Policy document should not specify a principal.");

    [Fact]
    public void Not_principal_in_an_identity_policy_is_refused() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Deny","NotPrincipal":{"AWS":"111122223333"},"Action":"s3:GetObject","Resource":"*"}"""), PolicyKind.Identity)
            .Should().Be(PolicyGrammarMessages.PrincipalNotAllowed);

    [Fact]
    public void Trust_policy_with_resource_has_prohibited_field_resource() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com"]},"Action":["sts:AssumeRole"],"Resource":"arn:aws:s3:::example_bucket"}"""), PolicyKind.Trust)
            .Should().Be("Has prohibited field Resource");

    [Fact]
    public void Trust_policy_without_principal_is_refused() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":"sts:AssumeRole"}"""), PolicyKind.Trust)
            .Should().Be("Missing required field Principal");

    [Fact]
    public void Trust_policy_with_not_principal_is_refused() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Deny","NotPrincipal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"}"""), PolicyKind.Trust)
            .Should().Be("Has prohibited field NotPrincipal");

    [Theory]
    [InlineData("sts:BadAssumeRole")]
    [InlineData("s3:GetObject")]
    [InlineData("sts:GetCallerIdentity")]
    public void Trust_policy_with_a_non_assume_action_is_refused(string action) =>
        Policies.ErrorOf(Policies.WithStatement($$"""{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"{{action}}"}"""), PolicyKind.Trust)
            .Should().Be("AssumeRole policy may only specify STS AssumeRole actions.");

    [Theory]
    [InlineData("sts:AssumeRole")]
    [InlineData("sts:AssumeRoleWithWebIdentity")]
    [InlineData("sts:AssumeRoleWithSAML")]
    [InlineData("sts:TagSession")]
    [InlineData("sts:SetSourceIdentity")]
    [InlineData("sts:SetContext")]
    [InlineData("sts:*")]
    [InlineData("STS:assumerole")]
    public void Trust_policy_accepts_assume_tag_and_context_actions_and_wildcards_covering_them(string action) =>
        Policies.ErrorOf(Policies.WithStatement($$"""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"{{action}}"}"""), PolicyKind.Trust)
            .Should().BeNull();

    [Theory]
    [InlineData("bob")]
    [InlineData("arn:aws:iam::111122223333:role/*")]
    [InlineData("arn:aws:s3:::bucket")]
    [InlineData("11112222333")]
    public void Trust_policy_naming_a_malformed_aws_principal_is_an_invalid_principal(string principal) =>
        Policies.ErrorOf(Policies.TrustAllowing($"\"AWS\":\"{principal}\""), PolicyKind.Trust)
            .Should().Be($"Invalid principal in policy: \"AWS\":\"{principal}\"");

    [Fact]
    public void Repeated_version_member_is_judged_by_its_last_value() =>
        Policies.ErrorOf("""{"Version":"2013-10-17","Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}}""")
            .Should().BeNull();
}
