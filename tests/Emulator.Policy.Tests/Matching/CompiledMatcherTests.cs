namespace Emulator.Policy.Tests.Matching;

/// <summary>
/// The compiled fast paths (lower-cased action, literal service prefixes, literal ARN prefixes, variables compared in
/// place, hashed context keys) give the same answers as the general wildcard rules.
/// </summary>
public class CompiledMatcherTests
{
    private static bool AllowsAction(string actionJson, string requestedAction) =>
        Callers.Evaluate(Callers.User(requestedAction),
            Policies.WithStatement($$"""{"Effect":"Allow","Action":{{actionJson}},"Resource":"*"}""")).IsAllowed;

    private static bool AllowsResource(string resourcePattern, string requestedResource, RequestContext? request = null) =>
        Callers.Evaluate(request ?? Callers.User("iam:GetRole", requestedResource), Policies.Allow("iam:GetRole", resourcePattern)).IsAllowed;

    [Theory]
    [InlineData("\"IAM:Get*\"", "iam:getrole", true)]
    [InlineData("\"iam:get*\"", "IAM:GETROLE", true)]
    [InlineData("\"iam:Get*\"", "ec2:GetConsoleOutput", false)]
    [InlineData("\"iam:Get*\"", "iamx:GetRole", false)]
    [InlineData("\"iam:GetRole\"", "iam:GetRoles", false)]
    [InlineData("\"iam:G?tRole\"", "IAM:GETROLE", true)]
    [InlineData("\"*:*Role\"", "iam:GetRole", true)]
    [InlineData("\"*:*Role\"", "iam:GetRolePolicy", false)]
    [InlineData("[\"ec2:Describe*\",\"iam:GetRole\"]", "iam:getRole", true)]
    [InlineData("[\"ec2:Describe*\",\"iam:GetRole\"]", "sts:GetRole", false)]
    public void Action_patterns_match_case_insensitively_on_every_path(string actionJson, string requestedAction, bool expected) =>
        AllowsAction(actionJson, requestedAction).Should().Be(expected);

    [Fact]
    public void Non_ascii_action_names_are_lower_cased_character_by_character()
    {
        AllowsAction("\"iam:ÄNDERN\"", "iam:ändern").Should().BeTrue();
        AllowsAction("\"iam:Ä*\"", "IAM:äx").Should().BeTrue();
        AllowsAction("\"iam:Ä*\"", "iam:ax").Should().BeFalse();
    }

    [Fact]
    public void Not_action_with_literal_services_applies_to_other_services_and_to_unlisted_actions()
    {
        var policy = Policies.WithStatement("""{"Effect":"Allow","NotAction":["iam:Delete*","sts:*"],"Resource":"*"}""");

        Callers.Evaluate(Callers.User("ec2:RunInstances"), policy).IsAllowed.Should().BeTrue();
        Callers.Evaluate(Callers.User("IAM:GetRole"), policy).IsAllowed.Should().BeTrue();
        Callers.Evaluate(Callers.User("iam:DELETERole"), policy).IsAllowed.Should().BeFalse();
        Callers.Evaluate(Callers.User("sts:AssumeRole"), policy).IsAllowed.Should().BeFalse();
    }

    [Fact]
    public void Statement_AppliesToAction_lower_cases_the_action_itself()
    {
        var statement = Policies.Parse(Policies.Allow("iam:Get*")).Statements[0];

        statement.AppliesToAction("IAM:GetRole").Should().BeTrue();
        statement.AppliesToAction("iam:ListRoles").Should().BeFalse();
        statement.AppliesToAction("GetRole").Should().BeFalse();
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:role/web", "arn:aws:iam::111122223333:role/web", true)]
    [InlineData("arn:aws:iam::111122223333:role/web", "arn:aws:iam::444455556666:role/web", false)]
    [InlineData("arn:aws:iam::111122223333:role/*", "arn:aws:iam::111122223333:role", false)]
    [InlineData("arn:aws:iam::111122223333:role/*", "arn:aws:iam::111122223333:role/a:b/c", true)]
    [InlineData("arn:aws:iam::*:role/web", "arn:aws:iam::444455556666:role/web", true)]
    [InlineData("arn:*:iam::111122223333:role/web", "arn:aws-cn:iam::111122223333:role/web", true)]
    [InlineData("arn:*:iam::111122223333:role/web", "arn:aws-cn:iam::111122223334:role/web", false)]
    [InlineData("arn:aws:iam::111122223333:role/w?b", "arn:aws:iam::111122223333:role/web", true)]
    public void Arn_patterns_compare_their_literal_segments_at_once(string pattern, string resource, bool expected) =>
        AllowsResource(pattern, resource).Should().Be(expected);

    [Theory]
    [InlineData("arn:aws:iam::111122223333:role/${aws:username}", "arn:aws:iam::111122223333:role/alice", true)]
    [InlineData("arn:aws:iam::111122223333:role/${aws:username}", "arn:aws:iam::111122223333:role/alicex", false)]
    [InlineData("arn:aws:iam::111122223333:role/${aws:username}-app", "arn:aws:iam::111122223333:role/alice-app", true)]
    [InlineData("arn:aws:iam::111122223333:role/app/*-${aws:username}", "arn:aws:iam::111122223333:role/app/web-alice", true)]
    [InlineData("arn:aws:iam::111122223333:role/app/*-${aws:username}", "arn:aws:iam::111122223333:role/other/web-alice", false)]
    [InlineData("arn:aws:iam::111122223333:role/app/*-${aws:username}", "arn:aws:iam::111122223333:role/app/web-bob", false)]
    [InlineData("arn:aws:iam::111122223333:role/${*}${aws:username}", "arn:aws:iam::111122223333:role/*alice", true)]
    [InlineData("arn:aws:iam::111122223333:role/${*}${aws:username}", "arn:aws:iam::111122223333:role/xalice", false)]
    [InlineData("arn:aws:iam::111122223333:role/${aws:username}*", "arn:aws:iam::111122223333:role/alice-web", true)]
    public void Resource_variables_match_in_place_or_as_globs(string pattern, string resource, bool expected) =>
        AllowsResource(pattern, resource).Should().Be(expected);

    [Fact]
    public void A_value_with_more_variables_than_are_kept_on_the_stack_is_still_substituted()
    {
        var value = string.Concat(Enumerable.Range(0, 10).Select(i => $"${{test:K{i}}}-"));
        var policy = Policies.WithStatement($$$$"""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"test:Key":"{{{{value}}}}"},"StringLike":{"test:Key":"{{{{value}}}}*"}}}""");
        var request = Callers.User("s3:GetObject");
        for (var index = 0; index < 10; index++)
        {
            request.Set($"test:K{index}", $"v{index}");
        }

        Callers.Evaluate(request.Set("test:Key", "v0-v1-v2-v3-v4-v5-v6-v7-v8-v9-"), policy).IsAllowed.Should().BeTrue();
        Callers.Evaluate(request.Set("test:Key", "v0-v1-v2-v3-v4-v5-v6-v7-v8-v0-"), policy).IsAllowed.Should().BeFalse();
    }

    [Fact]
    public void Case_insensitive_operators_with_variables_compare_the_substituted_text()
    {
        var policy = Policies.WithStatement("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEqualsIgnoreCase":{"test:Key":"team-${aws:PrincipalTag/team}"}}}""");
        var request = Callers.User("s3:GetObject").Set("aws:PrincipalTag/team", "Red");

        Callers.Evaluate(request.Set("test:Key", "TEAM-red"), policy).IsAllowed.Should().BeTrue();
        Callers.Evaluate(request.Set("test:Key", "TEAM-blue"), policy).IsAllowed.Should().BeFalse();
    }

    [Fact]
    public void Context_keys_are_found_whatever_their_case_and_however_many_there_are()
    {
        var policy = Policies.WithStatement("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"test:key20":"twenty","TEST:KEY3":"three"}}}""");
        var request = Callers.User("s3:GetObject");
        for (var index = 0; index < 40; index++)
        {
            request.Set($"Test:Key{index}", "other");
        }

        request.Set("test:KEY20", "twenty").Set("test:key3", "three");

        Callers.Evaluate(request, policy).IsAllowed.Should().BeTrue();
        request.Values.Should().ContainKey("Test:Key20").WhoseValue.ToString().Should().Be("twenty");
        request.Values.Keys.Should().ContainSingle(key => key.Equals("test:key20", StringComparison.OrdinalIgnoreCase))
            .Which.Should().Be("Test:Key20", because: "a key set again keeps its first spelling");
    }

    [Fact]
    public void A_removed_context_key_is_missing_for_conditions_and_variables()
    {
        var policy = Policies.WithStatement("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${test:Owner}","Condition":{"StringEquals":{"test:Key":"a"}}}""");
        var request = Callers.User("s3:GetObject", "arn:aws:s3:::b/alice");
        for (var index = 0; index < 20; index++)
        {
            request.Set($"test:Filler{index}", "x");
        }

        request.Set("test:Key", "a").Set("test:Owner", "alice");
        Callers.Evaluate(request, policy).IsAllowed.Should().BeTrue();

        request.Remove("TEST:KEY").Should().BeTrue();
        request.Remove("test:Key").Should().BeFalse();
        request.Remove("test:Filler0").Should().BeTrue();
        var withoutKey = Callers.Evaluate(request, policy);
        withoutKey.IsAllowed.Should().BeFalse();
        withoutKey.MissingContextKeys.Should().Equal("test:Key");

        request.Remove("test:owner");
        Callers.Evaluate(request.Set("test:Key", "a"), policy).MissingContextKeys.Should().Equal("test:Owner");
        request.Contains("test:filler19").Should().BeTrue();
    }
}
