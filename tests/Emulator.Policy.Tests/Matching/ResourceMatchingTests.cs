namespace Emulator.Policy.Tests.Matching;

public class ResourceMatchingTests
{
    private static bool Allows(string resourcePattern, string requestedResource) =>
        Callers.Evaluate(Callers.User("iam:GetRole", requestedResource), Policies.Allow("iam:GetRole", resourcePattern)).IsAllowed;

    [Fact]
    public void Resource_matching_is_case_sensitive()
    {
        Allows("arn:aws:iam::111122223333:role/Web", "arn:aws:iam::111122223333:role/Web").Should().BeTrue();
        Allows("arn:aws:iam::111122223333:role/Web", "arn:aws:iam::111122223333:role/web").Should().BeFalse();
    }

    [Fact]
    public void Star_resource_matches_every_arn_and_the_star_resource()
    {
        Allows("*", "arn:aws:iam::111122223333:role/web").Should().BeTrue();
        Allows("*", "*").Should().BeTrue();
    }

    [Fact]
    public void Arn_pattern_does_not_match_the_star_resource_of_actions_without_resource_type()
    {
        Callers.Evaluate(Callers.User("iam:ListRoles"), Policies.Allow("iam:ListRoles", "arn:aws:iam::111122223333:role/*"))
            .IsAllowed.Should().BeFalse();
    }

    [Fact]
    public void Role_wildcard_matches_roles_with_paths() =>
        Allows("arn:aws:iam::111122223333:role/*", "arn:aws:iam::111122223333:role/app/web").Should().BeTrue();

    [Fact]
    public void Star_in_the_account_segment_does_not_cross_a_colon()
    {
        // The star may stand for the account, but cannot swallow "111122223333:role" to reach the resource part.
        Allows("arn:aws:iam::*:role/web", "arn:aws:iam::111122223333:role/web").Should().BeTrue();
        Callers.Evaluate(Callers.User("ec2:StopInstances", "arn:aws:ec2:us-east-1:111122223333:instance/i-1"), Policies.Allow("ec2:StopInstances", "arn:aws:ec2:us-east-1:*:i-1"))
            .IsAllowed.Should().BeFalse();
    }

    [Fact]
    public void Star_in_the_region_segment_does_not_cross_a_colon()
    {
        Callers.Evaluate(Callers.User("ec2:TerminateInstances", "arn:aws:ec2:us-east-1:111122223333:instance/i-1"), Policies.Allow("ec2:TerminateInstances", "arn:aws:ec2:*:instance/*"))
            .IsAllowed.Should().BeFalse();
        Callers.Evaluate(Callers.User("ec2:TerminateInstances", "arn:aws:ec2:us-east-1:111122223333:instance/i-1"), Policies.Allow("ec2:TerminateInstances", "arn:aws:ec2:*:*:instance/*"))
            .IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void Star_in_the_resource_part_crosses_slashes_and_colons() =>
        Allows("arn:aws:iam::111122223333:*", "arn:aws:iam::111122223333:role/a:b/c").Should().BeTrue();

    [Fact]
    public void Trailing_star_of_a_shorter_pattern_absorbs_the_remaining_segments()
    {
        const string Instance = "arn:aws:ec2:us-east-1:111122223333:instance/i-1";
        Callers.Evaluate(Callers.User("ec2:StopInstances", Instance), Policies.Allow("ec2:StopInstances", "arn:aws:ec2:us-east-1:*")).IsAllowed.Should().BeTrue();
        Callers.Evaluate(Callers.User("ec2:StopInstances", Instance), Policies.Allow("ec2:StopInstances", "arn:aws:*")).IsAllowed.Should().BeTrue();
        Callers.Evaluate(Callers.User("ec2:StopInstances", Instance), Policies.Allow("ec2:StopInstances", "arn:aws:ec2:us-west-2:*")).IsAllowed.Should().BeFalse();
    }

    [Fact]
    public void Question_mark_in_a_resource_matches_exactly_one_character()
    {
        Allows("arn:aws:iam::111122223333:role/web?", "arn:aws:iam::111122223333:role/web1").Should().BeTrue();
        Allows("arn:aws:iam::111122223333:role/web?", "arn:aws:iam::111122223333:role/web").Should().BeFalse();
        Allows("arn:aws:iam::111122223333:role/web?", "arn:aws:iam::111122223333:role/web12").Should().BeFalse();
    }

    [Fact]
    public void Not_resource_applies_to_resources_it_does_not_name()
    {
        var policy = Policies.WithStatement("""{"Effect":"Allow","Action":"iam:GetRole","NotResource":"arn:aws:iam::111122223333:role/admin"}""");

        Callers.Evaluate(Callers.User("iam:GetRole", "arn:aws:iam::111122223333:role/web"), policy).IsAllowed.Should().BeTrue();
        Callers.Evaluate(Callers.User("iam:GetRole", "arn:aws:iam::111122223333:role/admin"), policy).IsAllowed.Should().BeFalse();
    }

    [Fact]
    public void Not_resource_with_an_arn_applies_to_the_star_resource() =>
        Callers.Evaluate(Callers.User("iam:ListRoles"), Policies.WithStatement("""{"Effect":"Allow","Action":"iam:ListRoles","NotResource":"arn:aws:iam::111122223333:role/admin"}"""))
            .IsAllowed.Should().BeTrue();
}
