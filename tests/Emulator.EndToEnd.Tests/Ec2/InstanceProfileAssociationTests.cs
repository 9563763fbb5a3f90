using System.Text.Json;
using System.Text.RegularExpressions;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Ec2;

/// <summary>
/// Seed 004's CLI flows with the real AWS CLI: launch with an instance profile, then describe, associate,
/// replace and disassociate, with the JSON shapes the seed prints; and seed 000's PassRole rules.
/// </summary>
[Collection(Ec2EmulatorCollection.Name)]
public sealed partial class InstanceProfileAssociationTests(Ec2Emulator emulator)
{
    private AwsCli Cli => emulator.Cli(Ec2Emulator.Root);

    private async Task<string> LaunchAsync(AwsCli cli, string? profile = null)
    {
        var arguments = new List<string> { "ec2", "run-instances", "--image-id", "ami-11aa22bb", "--instance-type", "t3.micro" };
        if (profile is not null)
        {
            arguments.AddRange(["--iam-instance-profile", $"Name={profile}"]);
        }

        var launched = (await cli.RunAsync([.. arguments])).ShouldSucceed().Json;
        return launched.Text("Instances", 0, "InstanceId");
    }

    [Fact]
    public async Task Seed_004_run_instances_with_a_profile_shows_the_profile_key_groups_and_subnet()
    {
        var launched = (await Cli.RunAsync("ec2", "run-instances", "--image-id", "ami-11aa22bb", "--iam-instance-profile", "Name=abcd-profile",
            "--key-name", "my-key-pair", "--security-groups", "my-security-group", "--subnet-id", "subnet-1a2b3c4d")).ShouldSucceed().Json;

        var instance = launched.At("Instances", 0);
        var id = instance.Text("InstanceId");
        id.Should().MatchRegex("^i-[0-9a-f]{17}$");
        launched.Text("ReservationId").Should().MatchRegex("^r-[0-9a-f]{17}$");
        launched.Text("OwnerId").Should().Be(Ec2Emulator.Account);
        instance.Text("State", "Name").Should().Be("pending");
        instance.At("State", "Code").GetInt32().Should().Be(0);
        instance.Text("ImageId").Should().Be("ami-11aa22bb");
        instance.Text("KeyName").Should().Be("my-key-pair");
        instance.Text("SubnetId").Should().Be("subnet-1a2b3c4d");
        instance.Text("SecurityGroups", 0, "GroupName").Should().Be("my-security-group");
        instance.Text("IamInstanceProfile", "Arn").Should().Be("arn:aws:iam::111111111111:instance-profile/abcd-profile");
        instance.Text("IamInstanceProfile", "Id").Should().StartWith("AIPA");
        instance.Text("PrivateIpAddress").Should().MatchRegex(@"^172\.31\.\d+\.\d+$");
        instance.Text("MetadataOptions", "HttpTokens").Should().Be("optional");

        var described = (await Cli.RunAsync("ec2", "describe-instances", "--instance-ids", id)).ShouldSucceed().Json;
        var seen = described.At("Reservations", 0, "Instances", 0);
        seen.Text("State", "Name").Should().Be("running");
        seen.At("State", "Code").GetInt32().Should().Be(16);
        seen.Text("KeyName").Should().Be("my-key-pair");
        seen.Text("SubnetId").Should().Be("subnet-1a2b3c4d");
        seen.Text("SecurityGroups", 0, "GroupName").Should().Be("my-security-group");
        seen.Text("IamInstanceProfile", "Arn").Should().Be("arn:aws:iam::111111111111:instance-profile/abcd-profile");
        seen.Text("MetadataOptions", "State").Should().Be("applied");

        var associations = (await Cli.RunAsync("ec2", "describe-iam-instance-profile-associations", "--filters", $"Name=instance-id,Values={id}")).ShouldSucceed().Json;
        var association = associations.Items("IamInstanceProfileAssociations").Should().ContainSingle().Subject;
        association.Text("InstanceId").Should().Be(id);
        association.Text("State").Should().Be("associated");
        association.Text("AssociationId").Should().MatchRegex("^iip-assoc-[0-9a-f]{17}$");
        association.Text("IamInstanceProfile", "Arn").Should().Be("arn:aws:iam::111111111111:instance-profile/abcd-profile");
    }

    [Fact]
    public async Task Seed_004_associate_replace_and_disassociate_follow_AWSs_states_and_ids()
    {
        var id = await LaunchAsync(Cli);

        var associated = (await Cli.RunAsync("ec2", "associate-iam-instance-profile", "--instance-id", id, "--iam-instance-profile", "Name=pics-profile")).ShouldSucceed().Json;
        var first = associated.At("IamInstanceProfileAssociation");
        first.Text("InstanceId").Should().Be(id);
        first.Text("State").Should().Be("associating");
        first.Text("IamInstanceProfile", "Arn").Should().Be("arn:aws:iam::111111111111:instance-profile/pics-profile");
        var firstId = first.Text("AssociationId");

        (await Cli.RunAsync("ec2", "associate-iam-instance-profile", "--instance-id", id, "--iam-instance-profile", "Name=other-profile"))
            .ShouldFailWith("IncorrectState").Message.Should().Be($"There is an existing association for instance {id}");

        var described = (await Cli.RunAsync("ec2", "describe-iam-instance-profile-associations", "--association-ids", firstId)).ShouldSucceed().Json;
        described.Text("IamInstanceProfileAssociations", 0, "State").Should().Be("associated");

        // The same profile keeps the association id; another profile gets a new one (recorded on AWS).
        var same = (await Cli.RunAsync("ec2", "replace-iam-instance-profile-association", "--association-id", firstId, "--iam-instance-profile", "Name=pics-profile")).ShouldSucceed().Json;
        same.Text("IamInstanceProfileAssociation", "AssociationId").Should().Be(firstId);
        var replaced = (await Cli.RunAsync("ec2", "replace-iam-instance-profile-association", "--association-id", firstId,
            "--iam-instance-profile", "Arn=arn:aws:iam::111111111111:instance-profile/other-profile")).ShouldSucceed().Json;
        var second = replaced.At("IamInstanceProfileAssociation");
        second.Text("State").Should().Be("associating");
        second.Text("InstanceId").Should().Be(id);
        second.Text("IamInstanceProfile", "Arn").Should().Be("arn:aws:iam::111111111111:instance-profile/other-profile");
        var secondId = second.Text("AssociationId");
        secondId.Should().NotBe(firstId);
        (await Cli.RunAsync("ec2", "replace-iam-instance-profile-association", "--association-id", firstId, "--iam-instance-profile", "Name=pics-profile"))
            .ShouldFailWith("InvalidAssociationID.NotFound").Message.Should().Be($"An invalid association-id of '{firstId}' was given");

        var disassociated = (await Cli.RunAsync("ec2", "disassociate-iam-instance-profile", "--association-id", secondId)).ShouldSucceed().Json;
        disassociated.Text("IamInstanceProfileAssociation", "State").Should().Be("disassociating");
        disassociated.Text("IamInstanceProfileAssociation", "AssociationId").Should().Be(secondId);
        var after = (await Cli.RunAsync("ec2", "describe-iam-instance-profile-associations", "--filters", $"Name=instance-id,Values={id}")).ShouldSucceed().Json;
        after.Items("IamInstanceProfileAssociations").Should().BeEmpty();
        var instance = (await Cli.RunAsync("ec2", "describe-instances", "--instance-ids", id)).ShouldSucceed().Json.At("Reservations", 0, "Instances", 0);
        instance.Has("IamInstanceProfile").Should().BeFalse();
        (await Cli.RunAsync("ec2", "disassociate-iam-instance-profile", "--association-id", secondId))
            .ShouldFailWith("InvalidAssociationID.NotFound").Message.Should().Be($"An invalid association-id of '{secondId}' was given");
    }

    [Fact]
    public async Task A_role_EC2_may_not_assume_leaves_the_association_associating()
    {
        var id = await LaunchAsync(Cli, "lambda-profile");

        var associations = (await Cli.RunAsync("ec2", "describe-iam-instance-profile-associations", "--filters", $"Name=instance-id,Values={id}")).ShouldSucceed().Json;

        associations.Text("IamInstanceProfileAssociations", 0, "State").Should().Be("associating");
    }

    [Theory]
    [InlineData("Name=disassociated", "state", "Only 'associated', 'associating' and 'disassociating' are allowed")]
    [InlineData("Name=frozen", "state", "A filter for an unknown association state of 'frozen' was given")]
    [InlineData("Name=bad", "instance-id", "A filter with an invalid instance-id of 'bad' was given")]
    [InlineData("Name=x", "association-id", "An unknown filter 'association-id' was given")]
    public async Task Describe_association_filter_errors_are_AWSs(string value, string filter, string message)
    {
        var filterValue = value.Split('=')[1];

        var error = (await Cli.RunAsync("ec2", "describe-iam-instance-profile-associations", "--filters", $"Name={filter},Values={filterValue}"))
            .ShouldFailWith("InvalidParameterValue");

        error.Message.Should().Be(message);
    }

    [Fact]
    public async Task Unknown_profiles_are_InvalidParameterValue_with_AWSs_message()
    {
        var byName = (await Cli.RunAsync("ec2", "run-instances", "--image-id", "ami-1", "--iam-instance-profile", "Name=nope")).ShouldFailWith("InvalidParameterValue");
        var byArn = (await Cli.RunAsync("ec2", "run-instances", "--image-id", "ami-1", "--iam-instance-profile", "Arn=arn:aws:iam::111111111111:instance-profile/nope"))
            .ShouldFailWith("InvalidParameterValue");

        byName.Message.Should().Be("Value (nope) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name");
        byArn.Message.Should().Be("Value (arn:aws:iam::111111111111:instance-profile/nope) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN");
    }

    [Fact]
    public async Task Seed_000_PassRole_only_on_Get_pics_launches_with_Get_pics_and_is_refused_any_other_role_with_a_decodable_message()
    {
        var pics = emulator.Cli(Ec2Emulator.PicsOnly);
        var allowed = await LaunchAsync(pics, "pics-profile");
        var before = (await Cli.RunAsync("ec2", "describe-instances")).ShouldSucceed().Json.Items("Reservations").Count;

        var refused = (await pics.RunAsync("ec2", "run-instances", "--image-id", "ami-11aa22bb", "--iam-instance-profile", "Name=other-profile"))
            .ShouldFailWith("UnauthorizedOperation");

        allowed.Should().StartWith("i-");
        var match = UnauthorizedMessage().Match(refused.Message);
        match.Success.Should().BeTrue(refused.Message);
        match.Groups["sentence"].Value.Should().Be(
            "User: arn:aws:iam::111111111111:user/pics is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111111111111:role/other because no identity-based policy allows the iam:PassRole action");
        (await Cli.RunAsync("ec2", "describe-instances")).ShouldSucceed().Json.Items("Reservations").Count.Should().Be(before);

        var decoded = (await Cli.RunAsync("sts", "decode-authorization-message", $"--encoded-message={match.Groups["blob"].Value}")).ShouldSucceed().Json;
        using var message = JsonDocument.Parse(decoded.Text("DecodedMessage"));
        var root = message.RootElement;
        root.GetProperty("allowed").GetBoolean().Should().BeFalse();
        root.GetProperty("explicitDeny").GetBoolean().Should().BeFalse();
        root.GetProperty("context").GetProperty("action").GetString().Should().Be("iam:PassRole");
        root.GetProperty("context").GetProperty("resource").GetString().Should().Be("arn:aws:iam::111111111111:role/other");
        root.GetProperty("context").GetProperty("principal").GetProperty("arn").GetString().Should().Be("arn:aws:iam::111111111111:user/pics");
        var conditions = root.GetProperty("context").GetProperty("conditions").GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("key").GetString()!, i => i.GetProperty("values").GetProperty("items").EnumerateArray().Select(v => v.GetProperty("value").GetString()).ToList());
        conditions["iam:PassedToService"].Should().Equal("ec2.amazonaws.com");
        conditions["iam:AssociatedResourceArn"].Should().Equal("arn:aws:ec2:us-east-1:111111111111:instance/*");
    }

    [Fact]
    public async Task PassRole_is_checked_on_associate_and_replace_too()
    {
        var pics = emulator.Cli(Ec2Emulator.PicsOnly);
        var id = await LaunchAsync(Cli);

        var refused = (await pics.RunAsync("ec2", "associate-iam-instance-profile", "--instance-id", id, "--iam-instance-profile", "Name=other-profile"))
            .ShouldFailWith("UnauthorizedOperation");
        var associated = (await pics.RunAsync("ec2", "associate-iam-instance-profile", "--instance-id", id, "--iam-instance-profile", "Name=pics-profile")).ShouldSucceed().Json;
        var replaceRefused = (await pics.RunAsync("ec2", "replace-iam-instance-profile-association",
            "--association-id", associated.Text("IamInstanceProfileAssociation", "AssociationId"), "--iam-instance-profile", "Name=abcd-profile"))
            .ShouldFailWith("UnauthorizedOperation");

        UnauthorizedMessage().Match(refused.Message).Groups["sentence"].Value.Should().Contain("iam:PassRole on resource: arn:aws:iam::111111111111:role/other");
        UnauthorizedMessage().Match(replaceRefused.Message).Groups["sentence"].Value.Should().Contain("iam:PassRole on resource: arn:aws:iam::111111111111:role/abcd");
        var current = (await Cli.RunAsync("ec2", "describe-iam-instance-profile-associations", "--filters", $"Name=instance-id,Values={id}")).ShouldSucceed().Json;
        current.Text("IamInstanceProfileAssociations", 0, "IamInstanceProfile", "Arn").Should().Be("arn:aws:iam::111111111111:instance-profile/pics-profile");
    }

    [Fact]
    public async Task Seed_000_PassRole_with_iam_PassedToService_ec2_launches_with_any_role_and_a_Lambda_only_grant_does_not()
    {
        var any = await LaunchAsync(emulator.Cli(Ec2Emulator.AnyRole), "other-profile");
        var lambda = (await emulator.Cli(Ec2Emulator.LambdaOnly).RunAsync("ec2", "run-instances", "--image-id", "ami-1", "--iam-instance-profile", "Name=abcd-profile"))
            .ShouldFailWith("UnauthorizedOperation");
        var withoutProfile = await LaunchAsync(emulator.Cli(Ec2Emulator.LambdaOnly));

        any.Should().StartWith("i-");
        withoutProfile.Should().StartWith("i-");
        UnauthorizedMessage().Match(lambda.Message).Groups["sentence"].Value.Should().Be(
            "User: arn:aws:iam::111111111111:user/lambda is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111111111111:role/abcd because no identity-based policy allows the iam:PassRole action");
    }

    [Fact]
    public async Task AssociatedResourceArn_is_the_wildcard_instance_ARN_so_a_grant_for_one_instance_denies()
    {
        var error = (await emulator.Cli(Ec2Emulator.OneInstance).RunAsync("ec2", "run-instances", "--image-id", "ami-1", "--iam-instance-profile", "Name=abcd-profile"))
            .ShouldFailWith("UnauthorizedOperation");

        UnauthorizedMessage().Match(error.Message).Groups["sentence"].Value.Should().Contain("iam:PassRole on resource: arn:aws:iam::111111111111:role/abcd");
    }

    [Fact]
    public async Task DryRun_answers_DryRunOperation_when_allowed_and_UnauthorizedOperation_when_not_and_launches_nothing()
    {
        var before = (await Cli.RunAsync("ec2", "describe-instances")).ShouldSucceed().Json.Items("Reservations").Count;

        var allowed = (await emulator.Cli(Ec2Emulator.PicsOnly).RunAsync("ec2", "run-instances", "--image-id", "ami-1", "--iam-instance-profile", "Name=pics-profile", "--dry-run"))
            .ShouldFailWith("DryRunOperation");
        var refused = (await emulator.Cli(Ec2Emulator.PicsOnly).RunAsync("ec2", "run-instances", "--image-id", "ami-1", "--iam-instance-profile", "Name=abcd-profile", "--dry-run"))
            .ShouldFailWith("UnauthorizedOperation");

        allowed.Message.Should().Be("Request would have succeeded, but DryRun flag is set.");
        refused.Message.Should().StartWith("You are not authorized to perform this operation.");
        (await Cli.RunAsync("ec2", "describe-instances")).ShouldSucceed().Json.Items("Reservations").Count.Should().Be(before);
    }

    [GeneratedRegex("^You are not authorized to perform this operation\\. (?<sentence>User: .+)\\. Encoded authorization failure message: (?<blob>[A-Za-z0-9_-]{100,})$")]
    private static partial Regex UnauthorizedMessage();
}
