namespace Emulator.Policy.Tests.Arns;

public sealed class AwsPartitionsTests
{
    // botocore's partitions.json: each partition's regionRegex and its named (global) regions.
    [Theory]
    [InlineData("us-east-1", "aws")]
    [InlineData("eu-west-1", "aws")]
    [InlineData("ap-southeast-7", "aws")]
    [InlineData("mx-central-1", "aws")]
    [InlineData("aws-global", "aws")]
    [InlineData("cn-north-1", "aws-cn")]
    [InlineData("cn-northwest-1", "aws-cn")]
    [InlineData("aws-cn-global", "aws-cn")]
    [InlineData("us-gov-west-1", "aws-us-gov")]
    [InlineData("us-gov-east-1", "aws-us-gov")]
    [InlineData("us-iso-east-1", "aws-iso")]
    [InlineData("us-iso-west-1", "aws-iso")]
    [InlineData("us-isob-east-1", "aws-iso-b")]
    [InlineData("eu-isoe-west-1", "aws-iso-e")]
    [InlineData("us-isof-south-1", "aws-iso-f")]
    [InlineData("eusc-de-east-1", "aws-eusc")]
    public void OfRegion_follows_botocores_partition_table(string region, string partition)
    {
        AwsPartitions.OfRegion(region).Should().Be(partition);
    }

    // A region no partition's pattern matches is resolved as the SDKs resolve it: in aws.
    [Theory]
    [InlineData("local")]
    [InlineData("xx-west-1")]
    [InlineData("cn-north")]
    [InlineData("eusc-fr-east-1")]
    [InlineData("")]
    public void A_region_no_pattern_matches_is_in_aws(string region)
    {
        AwsPartitions.OfRegion(region).Should().Be("aws");
    }

    [Fact]
    public void All_lists_the_eight_partitions()
    {
        AwsPartitions.All.Should().BeEquivalentTo("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc");
        AwsPartitions.IsKnown("aws-cn").Should().BeTrue();
        AwsPartitions.IsKnown("aws-china").Should().BeFalse();
    }
}
