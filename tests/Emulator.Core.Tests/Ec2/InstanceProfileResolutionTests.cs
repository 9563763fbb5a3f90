using Emulator.Core.Ec2;
using Emulator.Core.Errors;

namespace Emulator.Core.Tests.Ec2;

/// <summary>Which instance profile a launch or an association names, and what an association leads to.</summary>
public sealed class InstanceProfileResolutionTests
{
    private const string Seed = """
        {"accounts":[{"id":"123456789012","rootAccessKeyId":"AKIAIOSFODNN7EXAMPLE","rootSecretAccessKey":"s",
          "roles":[{"RoleName":"app","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}}],
          "instanceProfiles":[{"InstanceProfileName":"app","Roles":["app"]},{"InstanceProfileName":"other","Roles":["app"]}]}]}
        """;

    private const string AppArn = "arn:aws:iam::123456789012:instance-profile/app";

    private readonly IamFixture fixture = new(Seed);

    private Ec2Service Ec2 => new(fixture.Iam.Context);

    [Fact]
    public void A_launch_naming_two_different_profiles_by_name_and_ARN_is_InvalidParameterCombination()
    {
        var error = FluentActions.Invoking(() => Ec2.Instances.ResolveProfileForLaunch(IamFixture.Account, new InstanceProfileReference("other", AppArn)))
            .Should().Throw<AwsException>().Which.Error;

        error.Code.Should().Be("InvalidParameterCombination");
    }

    [Fact]
    public void An_association_given_a_name_and_an_ARN_takes_the_ARN_and_does_not_check_the_name()
    {
        var (profile, role) = Ec2.Instances.ResolveProfileForAssociation(IamFixture.Account, new InstanceProfileReference("no-such-profile", AppArn));

        profile.Arn.Should().Be(AppArn);
        role!.RoleName.Should().Be("app");
    }

    [Fact]
    public void A_launch_checks_the_name_even_with_an_ARN()
    {
        var error = FluentActions.Invoking(() => Ec2.Instances.ResolveProfileForLaunch(IamFixture.Account, new InstanceProfileReference("no-such-profile", AppArn)))
            .Should().Throw<AwsException>().Which.Error;

        error.Message.Should().Contain("iamInstanceProfile.name is invalid");
    }

    [Fact]
    public void A_profile_recreated_under_the_same_name_is_not_the_associated_one()
    {
        var launch = new RunInstancesRequest { ImageId = "ami-1", MinCount = 1, MaxCount = 1, IamInstanceProfile = new InstanceProfileReference("app", null) };
        var instance = Ec2.Instances.RunInstances(IamFixture.Account, "us-east-1", launch).Instances[0].Instance;
        var filter = new Ec2Filter("instance-id", [instance.InstanceId]);
        Ec2.Associations.Describe(IamFixture.Account, "us-east-1", [], [filter], null, null).Associations
            .Should().ContainSingle().Which.State.Should().Be("associated");

        var profiles = fixture.Iam.InstanceProfiles;
        profiles.RemoveRole(IamFixture.Account, "app", "app");
        profiles.Delete(IamFixture.Account, "app");
        profiles.Create(IamFixture.Account, "app", null, []);
        profiles.AddRole(IamFixture.Account, "app", "app");

        Ec2.Associations.Describe(IamFixture.Account, "us-east-1", [], [filter], null, null).Associations
            .Should().ContainSingle().Which.State.Should().Be("associating");
    }
}
