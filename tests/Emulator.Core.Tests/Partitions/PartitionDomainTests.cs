using Emulator.Core.Iam.Policies;
using Emulator.Core.Seeding;
using Emulator.Core.Store.Persistence;
using Emulator.Core.Sts;

namespace Emulator.Core.Tests.Partitions;

/// <summary>An account lives in one partition: its entities, sessions and the AWS managed policies it sees name it.</summary>
public sealed class PartitionDomainTests
{
    private const string China = "111111111111";

    private const string Seed = """
        {"accounts":[
          {"id":"111111111111","partition":"aws-cn","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAA1","rootSecretAccessKey":"s1",
           "groups":[{"GroupName":"devs","AttachedPolicies":["arn:aws-cn:iam::aws:policy/ReadOnlyAccess"]}],
           "users":[{"UserName":"alice","Groups":["devs"]}],
           "roles":[{"RoleName":"app","Path":"/ci/","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws-cn:iam::111111111111:user/alice"},"Action":"sts:AssumeRole"}]},
                     "AttachedPolicies":["arn:aws-cn:iam::aws:policy/ReadOnlyAccess"]}],
           "instanceProfiles":[{"InstanceProfileName":"app","Roles":["app"]}]},
          {"id":"222222222222","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAA2","rootSecretAccessKey":"s2"}]}
        """;

    [Fact]
    public void A_seeded_China_account_names_its_entities_and_attached_AWS_managed_policies_with_aws_cn()
    {
        var fixture = new IamFixture(Seed);

        fixture.Iam.Roles.Get(China, "app").Arn.Should().Be("arn:aws-cn:iam::111111111111:role/ci/app");
        fixture.Iam.Roles.Get(China, "app").AttachedPolicyArns.Should().Equal("arn:aws-cn:iam::aws:policy/ReadOnlyAccess");
        fixture.Iam.Users.Get(China, "alice").Arn.Should().Be("arn:aws-cn:iam::111111111111:user/alice");
        fixture.Iam.InstanceProfiles.Get(China, "app").Profile.Arn.Should().Be("arn:aws-cn:iam::111111111111:instance-profile/app");
        fixture.Store.Read(s => s.Accounts["222222222222"].Partition).Should().Be("aws");
    }

    [Fact]
    public void A_seed_naming_an_unknown_partition_stops_with_the_list_of_partitions()
    {
        var error = FluentActions.Invoking(() => new IamFixture("""
            {"accounts":[{"id":"111111111111","partition":"aws-china","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAA1","rootSecretAccessKey":"s1"}]}
            """)).Should().Throw<SeedException>().Which.Message;

        error.Should().Be("accounts[0].partition: 'aws-china' is not an AWS partition; use one of aws, aws-cn, aws-eusc, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-us-gov.");
    }

    [Fact]
    public void The_AWS_managed_policy_catalog_has_each_policy_once_per_partition_under_that_partitions_ARN()
    {
        var catalog = AwsManagedPolicies.Create();

        catalog["arn:aws-cn:iam::aws:policy/ReadOnlyAccess"].Partition.Should().Be("aws-cn");
        catalog["arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess"].Arn.Should().Be("arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess");
        catalog.Values.Count(p => p.PolicyName == "ReadOnlyAccess").Should().Be(8);
    }

    [Fact]
    public async Task A_session_token_keeps_its_partition_and_a_token_without_one_is_a_commercial_session()
    {
        var codec = new SessionTokenCodec(new byte[32]);
        var china = new Session
        {
            Kind = SessionKind.AssumedRole, AccountId = China, Partition = "aws-cn", AccessKeyId = "ASIAAAAAAAAAAAAAAAAA", SecretAccessKey = "secret",
            IssuedAt = DateTimeOffset.UnixEpoch, Expiration = DateTimeOffset.UnixEpoch.AddHours(1), RoleName = "app", SessionName = "s1",
        };

        var decodedChina = await codec.DecodeAsync(codec.Encode(china));
        var decodedCommercial = await codec.DecodeAsync(codec.Encode(china with { Partition = "aws" }));

        decodedChina!.Partition.Should().Be("aws-cn");
        decodedChina.SessionArn.Should().Be("arn:aws-cn:sts::111111111111:assumed-role/app/s1");
        decodedCommercial!.Partition.Should().Be("aws");
        decodedCommercial.SessionArn.Should().Be("arn:aws:sts::111111111111:assumed-role/app/s1");
    }

    [Fact]
    public void An_account_row_keeps_its_partition_and_a_row_written_before_partitions_loads_as_aws()
    {
        var fixture = new IamFixture(Seed);
        var codec = RowCodecs.Account;

        var row = fixture.Store.Read(s => codec.Encode(s.Accounts[China]));
        var reloaded = codec.Decode(China, row, null);
        var legacy = codec.Decode("333333333333", """{"CreateDate":"2030-01-01T00:00:00+00:00"}""", null);

        reloaded.Partition.Should().Be("aws-cn");
        legacy.Partition.Should().Be("aws");
        legacy.CreateDate.Should().Be(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }
}
