namespace Emulator.Policy.Tests.Arns;

/// <summary>A policy names resources and principals of one partition; the same names in another partition are other things.</summary>
public sealed class PartitionMatchingTests
{
    private static RequestContext ChinaUser(string action, string resource) =>
        new RequestContext(action, resource)
        {
            PrincipalArn = $"arn:aws-cn:iam::{Callers.Account}:user/alice",
            PrincipalAccount = Callers.Account,
            PrincipalType = PrincipalType.User,
        }.Set("aws:username", "alice");

    [Fact]
    public void A_resource_of_the_commercial_partition_does_not_match_the_same_resource_in_China()
    {
        var input = new EvaluationInput { IdentityPolicies = [Policies.Identity(Policies.Allow("iam:GetRole", $"arn:aws:iam::{Callers.Account}:role/web"))] };

        PolicyEvaluator.Evaluate(ChinaUser("iam:GetRole", $"arn:aws-cn:iam::{Callers.Account}:role/web"), input).IsAllowed.Should().BeFalse();
        PolicyEvaluator.Evaluate(Callers.User("iam:GetRole", $"arn:aws:iam::{Callers.Account}:role/web"), input).IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void An_account_principal_named_by_ARN_trusts_only_callers_of_its_partition()
    {
        var trust = Policies.Trust(Policies.TrustAllowing($"\"AWS\":\"arn:aws-cn:iam::{Callers.Account}:root\""));
        // An account principal delegates to the account: its caller needs an identity policy allowing the call too.
        var input = new EvaluationInput
        {
            IdentityPolicies = [Policies.Identity(Policies.Allow("sts:AssumeRole"))], ResourcePolicies = [trust], RequireResourcePolicyAllow = true,
        };

        PolicyEvaluator.Evaluate(ChinaUser("sts:AssumeRole", "arn:aws-cn:iam::111122223333:role/app"), input).IsAllowed.Should().BeTrue();
        PolicyEvaluator.Evaluate(Callers.User("sts:AssumeRole", "arn:aws-cn:iam::111122223333:role/app"), input).IsAllowed.Should().BeFalse();
    }

    [Fact]
    public void A_bare_account_id_principal_trusts_the_account_in_the_partition_the_policy_lives_in()
    {
        var trust = Policies.Trust(Policies.TrustAllowing($"\"AWS\":\"{Callers.Account}\""));
        // An account principal delegates to the account: its caller needs an identity policy allowing the call too.
        var input = new EvaluationInput
        {
            IdentityPolicies = [Policies.Identity(Policies.Allow("sts:AssumeRole"))], ResourcePolicies = [trust], RequireResourcePolicyAllow = true,
        };

        PolicyEvaluator.Evaluate(ChinaUser("sts:AssumeRole", "arn:aws-cn:iam::111122223333:role/app"), input).IsAllowed.Should().BeTrue();
    }

    [Theory]
    [InlineData("aws-cn", "arn:aws:s3:::logs/*", "Partition \"aws\" is not valid for resource \"arn:aws:s3:::logs/*\".")]
    [InlineData("aws-us-gov", "arn:aws:ec2:*:*:security-group/*", "Partition \"aws\" is not valid for resource \"arn:aws:ec2:*:*:security-group/*\".")]
    [InlineData("aws", "arn:aws-cn:s3:::logs", "Partition \"aws-cn\" is not valid for resource \"arn:aws-cn:s3:::logs\".")]
    public void PartitionError_names_a_resource_of_another_partition_as_IAM_does(string partition, string resource, string message)
    {
        var document = Policies.Parse(Policies.Allow("s3:GetObject", resource));

        PolicyParser.PartitionError(document, partition).Should().Be(message);
    }

    [Theory]
    [InlineData("aws-cn", "arn:aws-cn:s3:::logs/*")]
    [InlineData("aws-cn", "arn:*:s3:::logs/*")]
    [InlineData("aws-cn", "*")]
    [InlineData("aws", "arn:aws:iam::111122223333:role/*")]
    public void PartitionError_is_null_for_resources_of_the_policys_partition_or_any(string partition, string resource)
    {
        var document = Policies.Parse(Policies.Allow("s3:GetObject", resource));

        PolicyParser.PartitionError(document, partition).Should().BeNull();
    }
}
