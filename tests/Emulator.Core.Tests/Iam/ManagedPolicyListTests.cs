namespace Emulator.Core.Tests.Iam;

public sealed class ManagedPolicyListTests
{
    private readonly IamFixture fixture = new();

    [Fact]
    public void ListPolicies_pages_local_policies_by_ARN_and_carries_each_one_s_usage()
    {
        var iam = fixture.Iam;
        foreach (var name in new[] { "p3", "p1", "p2" })
        {
            iam.Policies.Create(IamFixture.Account, name, null, IamFixture.S3Read, null, []);
        }

        iam.Users.Create(IamFixture.Account, "alice", null, null, []);
        iam.Users.AttachPolicy(IamFixture.Account, "alice", $"arn:aws:iam::{IamFixture.Account}:policy/p2");
        iam.Roles.Create(IamFixture.Account, "app", null, IamFixture.Ec2Trust, null, null, null, []);
        iam.Roles.PutPermissionsBoundary(IamFixture.Account, "app", $"arn:aws:iam::{IamFixture.Account}:policy/p2");

        var first = iam.Policies.List(IamFixture.Account, "Local", false, null, null, null, 2);
        var second = iam.Policies.List(IamFixture.Account, "Local", false, null, null, first.Marker, 2);

        first.Items.Select(d => d.Policy.PolicyName).Should().Equal("p1", "p2");
        first.IsTruncated.Should().BeTrue();
        second.Items.Select(d => d.Policy.PolicyName).Should().Equal("p3");
        second.IsTruncated.Should().BeFalse();
        first.Items[1].Usage.Should().Be(new Emulator.Core.Iam.Policies.PolicyUsage(1, 1));
        first.Items[0].Usage.Should().Be(new Emulator.Core.Iam.Policies.PolicyUsage(0, 0));
    }

    [Fact]
    public void OnlyAttached_lists_the_policies_in_use_with_their_counts()
    {
        var iam = fixture.Iam;
        iam.Policies.Create(IamFixture.Account, "used", null, IamFixture.S3Read, null, []);
        iam.Policies.Create(IamFixture.Account, "unused", null, IamFixture.S3Read, null, []);
        iam.Roles.Create(IamFixture.Account, "app", null, IamFixture.Ec2Trust, null, null, null, []);
        iam.Roles.AttachPolicy(IamFixture.Account, "app", $"arn:aws:iam::{IamFixture.Account}:policy/used");

        var page = iam.Policies.List(IamFixture.Account, "Local", true, null, null, null, null);
        var detail = iam.Policies.GetDetail(IamFixture.Account, $"arn:aws:iam::{IamFixture.Account}:policy/used");

        page.Items.Should().ContainSingle().Which.Should().Be(detail);
        detail.Usage.Attachments.Should().Be(1);
    }

    [Fact]
    public void ArnOf_names_an_existing_entity_with_its_real_path_and_a_missing_one_or_account_with_null()
    {
        var iam = fixture.Iam;
        iam.Roles.Create(IamFixture.Account, "app", "/team/", IamFixture.Ec2Trust, null, null, null, []);

        iam.Roles.ArnOf(IamFixture.Account, "APP").Should().Be($"arn:aws:iam::{IamFixture.Account}:role/team/app");
        iam.Roles.ArnOf(IamFixture.Account, "nobody").Should().BeNull();
        iam.Roles.ArnOf("999999999999", "app").Should().BeNull();
    }
}
