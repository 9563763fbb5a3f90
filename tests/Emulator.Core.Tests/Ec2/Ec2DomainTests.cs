using Emulator.Core.Credentials;
using Emulator.Core.Ec2;
using Emulator.Core.Errors;
using Emulator.Core.Iam;
using Emulator.Core.Identifiers;
using Emulator.Core.Sts;

namespace Emulator.Core.Tests.Ec2;

/// <summary>EC2 domain rules without HTTP: launch, idempotency, associations, metadata defaults, seeded instances and credential rotation.</summary>
public sealed class Ec2DomainTests
{
    private const string Seed = """
        {"accounts":[{"id":"123456789012","rootAccessKeyId":"AKIAIOSFODNN7EXAMPLE","rootSecretAccessKey":"s",
          "roles":[{"RoleName":"app","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}},
                   {"RoleName":"fn","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}}],
          "instanceProfiles":[{"InstanceProfileName":"app","Roles":["app"]},{"InstanceProfileName":"fn","Roles":["fn"]}],
          "instances":[{"InstanceId":"i-0123456789abcdef0","IamInstanceProfile":"app","PrivateIpAddress":"127.0.0.17","UserData":"#!/bin/sh\necho hi",
                        "MetadataOptions":{"HttpTokens":"required"},"Tags":[{"Key":"Name","Value":"seeded"}]}]}]}
        """;

    private readonly IamFixture fixture = new(Seed);

    private Ec2Service Ec2 => new(fixture.Iam.Context);

    private static RunInstancesRequest Launch(string? profile = null) => new()
    {
        ImageId = "ami-1",
        MinCount = 1,
        MaxCount = 1,
        IamInstanceProfile = profile is null ? null : new InstanceProfileReference(profile, null),
    };

    [Fact]
    public void A_seeded_instance_keeps_its_id_address_options_user_data_tags_and_profile()
    {
        var view = Ec2.Instances.Find(IamFixture.Account, "us-east-1", "i-0123456789abcdef0")!;

        view.Instance.PrivateIpAddress.Should().Be("127.0.0.17");
        view.Instance.MetadataOptions.HttpTokens.Should().Be("required");
        System.Text.Encoding.UTF8.GetString(view.Instance.UserData!).Should().Be("#!/bin/sh\necho hi");
        view.Instance.Tags.Should().ContainSingle(t => t.Key == "Name" && t.Value == "seeded");
        view.Association!.InstanceProfileArn.Should().Be("arn:aws:iam::123456789012:instance-profile/app");
        view.State.Should().Be(InstanceStateName.Running);
    }

    [Theory]
    [InlineData("i-xyz", "must be i- and 8 or 17 hex digits")]
    [InlineData("i-0123456789abcdef0", "unused")]
    public void A_seed_instance_id_must_be_well_formed_and_unused(string id, string fragment)
    {
        var seed = Seed.Replace("\"instances\":[", $$"""
            "instances":[{"InstanceId":"{{id}}"},
            """, StringComparison.Ordinal);

        FluentActions.Invoking(() => new IamFixture(seed)).Should().Throw<Emulator.Core.Seeding.SeedException>().Which.Message.Should().Contain(fragment);
    }

    [Fact]
    public void The_same_client_token_returns_the_original_reservation()
    {
        var request = Launch() with { ClientToken = "token-1", MinCount = 2, MaxCount = 2 };

        var first = Ec2.Instances.RunInstances(IamFixture.Account, "us-east-1", request);
        var again = Ec2.Instances.RunInstances(IamFixture.Account, "us-east-1", request);

        again.ReservationId.Should().Be(first.ReservationId);
        again.Instances.Select(i => i.Instance.InstanceId).Should().Equal(first.Instances.Select(i => i.Instance.InstanceId));
    }

    [Fact]
    public void Addresses_come_from_the_zone_subnet_and_skip_the_four_AWS_keeps()
    {
        var reservation = Ec2.Instances.RunInstances(IamFixture.Account, "eu-west-1", Launch() with { MinCount = 3, MaxCount = 3, AvailabilityZone = "eu-west-1b" });

        reservation.Instances.Select(i => i.Instance.PrivateIpAddress).Should().Equal("172.31.16.4", "172.31.16.5", "172.31.16.6");
        reservation.Instances.Should().OnlyContain(i => i.Instance.SubnetId == Ec2Network.For(IamFixture.Account, "eu-west-1").Subnets[1].SubnetId);
    }

    [Fact]
    public void A_profile_whose_role_EC2_may_not_assume_stays_associating()
    {
        var launched = Ec2.Instances.RunInstances(IamFixture.Account, "us-east-1", Launch("fn")).Instances[0].Instance;

        var (associations, _) = Ec2.Associations.Describe(IamFixture.Account, "us-east-1", [], [new Ec2Filter("instance-id", [launched.InstanceId])], null, null);

        associations.Should().ContainSingle().Which.State.Should().Be("associating");
    }

    [Fact]
    public void Replace_keeps_the_id_for_the_same_profile_and_issues_a_new_one_otherwise()
    {
        var launched = Ec2.Instances.RunInstances(IamFixture.Account, "us-east-1", Launch("app")).Instances[0];
        var first = launched.Association!.AssociationId;

        var same = Ec2.Associations.Replace(IamFixture.Account, "us-east-1", first, new InstanceProfileReference("app", null));
        var other = Ec2.Associations.Replace(IamFixture.Account, "us-east-1", first, new InstanceProfileReference("fn", null));

        same.Association.AssociationId.Should().Be(first);
        other.Association.AssociationId.Should().NotBe(first);
        Ec2.Associations.Find(IamFixture.Account, "us-east-1", first).Should().BeNull();
    }

    [Fact]
    public void Terminate_removes_the_association_and_the_instance_disappears_an_hour_later()
    {
        var id = Ec2.Instances.RunInstances(IamFixture.Account, "us-east-1", Launch("app")).Instances[0].Instance.InstanceId;

        Ec2.Instances.Terminate(IamFixture.Account, "us-east-1", [id]);
        var afterTerminate = Ec2.Instances.Find(IamFixture.Account, "us-east-1", id)!;
        fixture.Clock.Advance(TimeSpan.FromMinutes(61));

        afterTerminate.State.Should().Be(InstanceStateName.Terminated);
        afterTerminate.Association.Should().BeNull();
        Ec2.Instances.Find(IamFixture.Account, "us-east-1", id).Should().BeNull();
    }

    [Fact]
    public void Account_defaults_apply_to_later_launches_only()
    {
        var before = Ec2.Instances.RunInstances(IamFixture.Account, "us-east-1", Launch()).Instances[0].Instance;

        Ec2.Instances.ModifyMetadataDefaults(IamFixture.Account, "us-east-1", "required", 2, null, "enabled", null);
        var after = Ec2.Instances.RunInstances(IamFixture.Account, "us-east-1", Launch()).Instances[0].Instance;

        Ec2.Instances.Find(IamFixture.Account, "us-east-1", before.InstanceId)!.Instance.MetadataOptions.Should().Be(InstanceMetadataOptions.Default);
        after.MetadataOptions.Should().Be(new InstanceMetadataOptions("required", 2, "enabled", "disabled", "enabled"));
    }

    [Fact]
    public void A_changed_resource_is_validated_whole_before_anything_changes()
    {
        var id = Ec2.Instances.RunInstances(IamFixture.Account, "us-east-1", Launch()).Instances[0].Instance.InstanceId;

        FluentActions.Invoking(() => Ec2.Instances.Stop(IamFixture.Account, "us-east-1", [id, "i-0000000000000000f"]))
            .Should().Throw<AwsException>().Which.Error.Code.Should().Be("InvalidInstanceID.NotFound");

        Ec2.Instances.Find(IamFixture.Account, "us-east-1", id)!.State.Should().Be(InstanceStateName.Running);
    }

    [Fact]
    public void Rotating_credentials_keep_their_keys_within_the_hour_and_always_have_more_than_five_hours_left()
    {
        var sts = new StsService(fixture.Iam.Context, new SessionTokenCodec(new byte[32]));
        var rotation = new RotatingRoleCredentials(sts, fixture.Clock, new byte[32]);
        var role = fixture.Iam.Roles.Get(IamFixture.Account, "app");
        var anchor = fixture.Clock.GetUtcNow();

        var first = rotation.Current("i-1", role, "i-1", "us-east-1", anchor, s => s);
        fixture.Clock.Advance(TimeSpan.FromMinutes(59));
        var sameHour = rotation.Current("i-1", role, "i-1", "us-east-1", anchor, s => s);
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var nextHour = rotation.Current("i-1", role, "i-1", "us-east-1", anchor, s => s);
        var otherHolder = rotation.Current("i-2", role, "i-2", "us-east-1", anchor, s => s);

        sameHour.Credentials.AccessKeyId.Should().Be(first.Credentials.AccessKeyId);
        nextHour.Credentials.AccessKeyId.Should().NotBe(first.Credentials.AccessKeyId);
        otherHolder.Credentials.AccessKeyId.Should().NotBe(nextHour.Credentials.AccessKeyId);
        nextHour.Session.IssuedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(anchor.AddHours(1).ToUnixTimeSeconds()));
        (nextHour.Session.Expiration - fixture.Clock.GetUtcNow()).Should().BeGreaterThan(TimeSpan.FromHours(5));
        (first.Session.Expiration - first.Session.IssuedAt).Should().Be(RotatingRoleCredentials.Lifetime);
    }

    [Fact]
    public void A_restarted_emulator_or_another_replica_holding_the_rotation_key_serves_the_same_set()
    {
        var sts = new StsService(fixture.Iam.Context, new SessionTokenCodec(new byte[32]));
        var role = fixture.Iam.Roles.Get(IamFixture.Account, "app");
        var anchor = fixture.Clock.GetUtcNow();
        var key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

        var first = new RotatingRoleCredentials(sts, fixture.Clock, key).Current("i-1", role, "i-1", "us-east-1", anchor, s => s);
        var replica = new RotatingRoleCredentials(sts, fixture.Clock, key).Current("i-1", role, "i-1", "us-east-1", anchor, s => s);
        var otherKey = new RotatingRoleCredentials(sts, fixture.Clock, new byte[32]).Current("i-1", role, "i-1", "us-east-1", anchor, s => s);

        replica.Credentials.AccessKeyId.Should().Be(first.Credentials.AccessKeyId);
        replica.Credentials.SecretAccessKey.Should().Be(first.Credentials.SecretAccessKey);
        replica.Credentials.AccessKeyId.Should().StartWith("ASIA");
        otherKey.Credentials.AccessKeyId.Should().NotBe(first.Credentials.AccessKeyId);
    }
}
