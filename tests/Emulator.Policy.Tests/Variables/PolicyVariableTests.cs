namespace Emulator.Policy.Tests.Variables;

public class PolicyVariableTests
{
    private const string OwnAccessKeys = """{"Effect":"Allow","Action":"iam:CreateAccessKey","Resource":"arn:aws:iam::*:user/${aws:username}"}""";

    [Fact]
    public void Username_variable_in_a_resource_matches_the_callers_own_user()
    {
        var policy = Policies.WithStatement(OwnAccessKeys);

        Callers.Evaluate(Callers.User("iam:CreateAccessKey", "arn:aws:iam::111122223333:user/alice"), policy).IsAllowed.Should().BeTrue();
        Callers.Evaluate(Callers.User("iam:CreateAccessKey", "arn:aws:iam::111122223333:user/bob"), policy).IsAllowed.Should().BeFalse();
    }

    [Fact]
    public void Unresolvable_variable_makes_a_resource_entry_match_nothing_and_is_reported_missing()
    {
        var decision = Callers.Evaluate(Callers.RoleSession("iam:CreateAccessKey", "arn:aws:iam::111122223333:user/web"), Policies.WithStatement(OwnAccessKeys));

        decision.IsAllowed.Should().BeFalse();
        decision.MissingContextKeys.Should().Equal("aws:username");
    }

    [Fact]
    public void Variables_are_literal_text_in_version_2008_10_17_policies()
    {
        var policy = Policies.WithStatement(OwnAccessKeys, "2008-10-17");

        Callers.Evaluate(Callers.User("iam:CreateAccessKey", "arn:aws:iam::111122223333:user/alice"), policy).IsAllowed.Should().BeFalse();
        Callers.Evaluate(Callers.User("iam:CreateAccessKey", "arn:aws:iam::111122223333:user/${aws:username}"), policy).IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void Principal_tag_variable_in_a_condition_value_is_substituted()
    {
        var policy = Policies.WithStatement("""{"Effect":"Allow","Action":"ec2:StartInstances","Resource":"*","Condition":{"StringEquals":{"ec2:ResourceTag/team":"${aws:PrincipalTag/team}"}}}""");
        var request = Callers.User("ec2:StartInstances").Set("aws:PrincipalTag/team", "red");

        Callers.Evaluate(request.Set("ec2:ResourceTag/team", "red"), policy).IsAllowed.Should().BeTrue();
        Callers.Evaluate(request.Set("ec2:ResourceTag/team", "blue"), policy).IsAllowed.Should().BeFalse();
    }

    [Fact]
    public void Default_value_is_used_when_the_key_is_absent()
    {
        var policy = Policies.WithStatement("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'company-wide'}/*"}""");

        Callers.Evaluate(Callers.User("s3:GetObject", "arn:aws:s3:::bucket/company-wide/report"), policy).IsAllowed.Should().BeTrue();
        Callers.Evaluate(Callers.User("s3:GetObject", "arn:aws:s3:::bucket/red/report").Set("aws:PrincipalTag/team", "red"), policy).IsAllowed.Should().BeTrue();
        Callers.Evaluate(Callers.User("s3:GetObject", "arn:aws:s3:::bucket/company-wide/report").Set("aws:PrincipalTag/team", "red"), policy).IsAllowed.Should().BeFalse();
    }

    [Fact]
    public void Escaped_star_is_a_literal_star_not_a_wildcard()
    {
        var policy = Policies.WithStatement("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/${*}"}""");

        Callers.Evaluate(Callers.User("s3:GetObject", "arn:aws:s3:::bucket/*"), policy).IsAllowed.Should().BeTrue();
        Callers.Evaluate(Callers.User("s3:GetObject", "arn:aws:s3:::bucket/anything"), policy).IsAllowed.Should().BeFalse();
    }

    [Fact]
    public void Escaped_question_mark_and_dollar_are_literal_characters()
    {
        var policy = Policies.WithStatement("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"test:Key":"a${?}b${$}"}}}""");

        Callers.Evaluate(Callers.User("s3:GetObject").Set("test:Key", "a?b$"), policy).IsAllowed.Should().BeTrue();
        Callers.Evaluate(Callers.User("s3:GetObject").Set("test:Key", "axb$"), policy).IsAllowed.Should().BeFalse();
    }

    [Fact]
    public void Wildcards_around_a_variable_keep_working_in_StringLike()
    {
        var policy = Policies.WithStatement("""{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"StringLike":{"s3:prefix":"home/${aws:username}/*"}}}""");

        Callers.Evaluate(Callers.User("s3:ListBucket").Set("s3:prefix", "home/alice/docs/a.txt"), policy).IsAllowed.Should().BeTrue();
        Callers.Evaluate(Callers.User("s3:ListBucket").Set("s3:prefix", "home/bob/docs/a.txt"), policy).IsAllowed.Should().BeFalse();
    }

    [Fact]
    public void Substituted_value_is_literal_even_when_it_contains_a_star()
    {
        var policy = Policies.WithStatement("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"test:Key":"${aws:PrincipalTag/prefix}"}}}""");
        var request = Callers.User("s3:GetObject").Set("aws:PrincipalTag/prefix", "a*");

        Callers.Evaluate(request.Set("test:Key", "a*"), policy).IsAllowed.Should().BeTrue();
        Callers.Evaluate(request.Set("test:Key", "abc"), policy).IsAllowed.Should().BeFalse();
    }

    [Fact]
    public void Unresolvable_variable_makes_positive_conditions_false_and_negated_conditions_true()
    {
        var positive = Policies.WithStatement("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"test:Key":"${aws:PrincipalTag/team}"}}}""");
        var negated = Policies.WithStatement("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringNotEquals":{"test:Key":"${aws:PrincipalTag/team}"}}}""");
        var request = Callers.User("s3:GetObject").Set("test:Key", "red");

        Callers.Evaluate(request, positive).IsAllowed.Should().BeFalse();
        Callers.Evaluate(request, negated).IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void Multi_valued_keys_cannot_be_substituted()
    {
        var policy = Policies.WithStatement("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"test:Key":"${aws:TagKeys}"}}}""");

        Callers.Evaluate(Callers.User("s3:GetObject").Set("test:Key", "a").Set("aws:TagKeys", ["a"]), policy).IsAllowed.Should().BeFalse();
    }

    [Fact]
    public void Variable_names_are_case_insensitive() =>
        Callers.Evaluate(
            Callers.User("iam:GetUser", "arn:aws:iam::111122223333:user/alice"),
            Policies.WithStatement("""{"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::*:user/${AWS:UserName}"}"""))
            .IsAllowed.Should().BeTrue();

    [Fact]
    public void ArnLike_condition_value_substitutes_variables_in_the_resource_part()
    {
        var policy = Policies.WithStatement("""{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"ArnLike":{"iam:AssociatedResourceArn":"arn:aws:ec2:*:*:instance/${ec2:SourceInstanceId}"}}}""");
        var request = Callers.User("iam:PassRole").Set("ec2:SourceInstanceId", "i-1");

        Callers.Evaluate(request.Set("iam:AssociatedResourceArn", "arn:aws:ec2:us-east-1:111122223333:instance/i-1"), policy).IsAllowed.Should().BeTrue();
        Callers.Evaluate(request.Set("iam:AssociatedResourceArn", "arn:aws:ec2:us-east-1:111122223333:instance/i-2"), policy).IsAllowed.Should().BeFalse();
    }

    [Fact]
    public void Long_substituted_values_are_matched_correctly()
    {
        var longName = new string('x', 600);
        var policy = Policies.WithStatement(OwnAccessKeys);

        Callers.Evaluate(Callers.User("iam:CreateAccessKey", "arn:aws:iam::111122223333:user/" + longName, longName), policy).IsAllowed.Should().BeTrue();
    }
}
