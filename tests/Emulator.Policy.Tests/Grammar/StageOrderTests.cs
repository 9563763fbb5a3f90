namespace Emulator.Policy.Tests.Grammar;

/// <summary>IAM reports only the first failing stage: syntax → version → legacy → SID → actions → resource → vendor → kind.</summary>
public class StageOrderTests
{
    [Fact]
    public void Syntax_error_is_reported_before_a_missing_version() =>
        Policies.ErrorOf("""{"Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Bad":1}}""")
            .Should().Be(PolicyGrammarMessages.SyntaxErrors);

    [Fact]
    public void Missing_version_is_reported_before_legacy_parse_errors() =>
        Policies.ErrorOf("""{"Statement":{"Effect":"denY","Action":"s3:ListBucket","Resource":"*"}}""")
            .Should().Be(PolicyGrammarMessages.VersionRequired);

    [Fact]
    public void Legacy_parse_error_is_reported_before_duplicate_sids() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Sid":"sdf","Effect":"aLLow","Action":"s3:ListBucket","Resource":"*"},{"Sid":"sdf","Effect":"Allow"}"""))
            .Should().Be(PolicyGrammarMessages.LegacyParsingFailed);

    [Fact]
    public void Duplicate_sid_is_reported_before_missing_actions() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Sid":"a","Effect":"Allow","Resource":"*"},{"Sid":"a","Effect":"Allow"}"""))
            .Should().Be(PolicyGrammarMessages.DuplicateSid);

    [Fact]
    public void Missing_actions_are_reported_before_a_resource_format_error() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Resource":"not-an-arn"}"""))
            .Should().Be(PolicyGrammarMessages.MissingActions);

    [Fact]
    public void Resource_format_error_is_reported_before_an_action_vendor_error() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":"s:3:ListBucket","Resource":"sdfsadf"}"""))
            .Should().Be("Resource sdfsadf must be in ARN format or \"*\".");

    [Fact]
    public void Action_vendor_error_is_reported_before_missing_resources() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":"invalid"}"""))
            .Should().Be(PolicyGrammarMessages.MissingVendor);

    [Fact]
    public void Principal_in_inline_policy_is_reported_before_missing_resources()
    {
        // A trust policy pasted into PutRolePolicy: IAM complains about the principal, not the resources.
        var trustPolicy = Policies.TrustAllowing("\"Service\":\"ec2.amazonaws.com\"");
        Policies.ErrorOf(trustPolicy, PolicyKind.Identity).Should().Be(PolicyGrammarMessages.PrincipalNotAllowed);
    }

    [Fact]
    public void Resource_format_error_wins_over_legacy_arn_shape_once_found()
    {
        // The first resource error stops the legacy ARN-shape check for later statements.
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":"s3:ListBucket","Resource":"bad"},{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3::x"}"""))
            .Should().Be("Resource bad must be in ARN format or \"*\".");
    }

    [Fact]
    public void Legacy_parse_error_beats_a_resource_format_error_in_a_later_statement() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3::x"},{"Effect":"Allow","Action":"s3:ListBucket","Resource":"bad"}"""))
            .Should().Be(PolicyGrammarMessages.LegacyParsingFailed);

    [Fact]
    public void Trust_action_error_is_reported_before_prohibited_resource() =>
        Policies.ErrorOf(Policies.WithStatement("""{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"s3:GetObject","Resource":"*"}"""), PolicyKind.Trust)
            .Should().Be(PolicyGrammarMessages.TrustPolicyActions);
}
