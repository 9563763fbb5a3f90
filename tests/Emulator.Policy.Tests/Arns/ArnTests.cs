namespace Emulator.Policy.Tests.Arns;

public sealed class ArnTests
{
    [Theory]
    [InlineData("arn:aws:iam::111122223333:role/app", "aws", "iam", "", "111122223333", "role/app")]
    [InlineData("arn:aws-cn:sts::111122223333:assumed-role/app/s1", "aws-cn", "sts", "", "111122223333", "assumed-role/app/s1")]
    [InlineData("arn:aws-us-gov:ec2:us-gov-west-1:111122223333:instance/i-0abc", "aws-us-gov", "ec2", "us-gov-west-1", "111122223333", "instance/i-0abc")]
    [InlineData("arn:aws:s3:::bucket/key", "aws", "s3", "", "", "bucket/key")]
    [InlineData("arn:aws:sns:us-east-1:111122223333:topic:subscription-id", "aws", "sns", "us-east-1", "111122223333", "topic:subscription-id")]
    [InlineData("arn:aws-iso-b:iam::aws:policy/ReadOnlyAccess", "aws-iso-b", "iam", "", "aws", "policy/ReadOnlyAccess")]
    public void TryParse_reads_the_six_fields_and_keeps_colons_inside_the_resource(
        string text, string partition, string service, string region, string account, string resource)
    {
        Arn.TryParse(text, out var arn).Should().BeTrue();

        arn.Should().Be(new Arn(partition, service, region, account, resource));
        arn.ToString().Should().Be(text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("nothing-valid-in-here")]
    [InlineData("arn:aws:iam::111122223333")]
    [InlineData("arn::iam::111122223333:role/app")]
    [InlineData("arn:aws:::111122223333:role/app")]
    [InlineData("arn:aws:iam::111122223333:")]
    [InlineData("ARN:aws:iam::111122223333:role/app")]
    [InlineData("urn:aws:iam::111122223333:role/app")]
    [InlineData("arn:a:::something/test-role")]
    public void TryParse_refuses_text_that_is_not_an_ARN(string? text)
    {
        Arn.TryParse(text, out var arn).Should().BeFalse();

        arn.Should().Be(default(Arn));
        Arn.Parse(text).Should().BeNull();
    }

    [Fact]
    public void Builders_name_the_partition_and_leave_the_region_of_global_services_empty()
    {
        Arn.Iam("aws-cn", "111122223333", "role/app").ToString().Should().Be("arn:aws-cn:iam::111122223333:role/app");
        Arn.Sts("aws-us-gov", "111122223333", "federated-user/bob").ToString().Should().Be("arn:aws-us-gov:sts::111122223333:federated-user/bob");
        Arn.Root("aws-iso", "111122223333").ToString().Should().Be("arn:aws-iso:iam::111122223333:root");
    }

    [Theory]
    [InlineData("cn-north-1", "arn:aws-cn:ec2:cn-north-1:111122223333:instance/i-1")]
    [InlineData("us-east-1", "arn:aws:ec2:us-east-1:111122223333:instance/i-1")]
    [InlineData("us-isof-south-1", "arn:aws-iso-f:ec2:us-isof-south-1:111122223333:instance/i-1")]
    public void A_regional_ARN_takes_the_partition_of_its_region(string region, string expected)
    {
        Arn.Regional("ec2", region, "111122223333", "instance/i-1").ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("role/path/app", "role")]
    [InlineData("instance/i-1", "instance")]
    [InlineData("topic:sub", "topic")]
    [InlineData("root", "root")]
    public void ResourceType_is_the_resource_up_to_its_first_slash_or_colon(string resource, string type)
    {
        new Arn("aws", "iam", "", "111122223333", resource).ResourceType.Should().Be(type);
    }
}
