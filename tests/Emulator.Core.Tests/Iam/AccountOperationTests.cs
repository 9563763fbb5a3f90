using Emulator.Core.Errors;

namespace Emulator.Core.Tests.Iam;

public sealed class AccountOperationTests
{
    private const string ReadOnlyAccess = "arn:aws:iam::aws:policy/ReadOnlyAccess";

    private readonly IamFixture fixture = new();

    [Fact]
    public void CreateIfAbsent_creates_an_account_once_and_keeps_its_first_CreateDate()
    {
        var accounts = fixture.Iam.Account;
        var first = fixture.Clock.GetUtcNow();

        accounts.CreateIfAbsent("210987654321").Should().BeTrue();
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        accounts.CreateIfAbsent("210987654321").Should().BeFalse();

        accounts.CreateDate("210987654321").Should().BeCloseTo(first, TimeSpan.FromMinutes(1));
        accounts.AccountIds().Should().Equal(IamFixture.Account, "210987654321");
    }

    [Fact]
    public void AccountIds_are_in_id_order_whatever_the_order_of_creation()
    {
        fixture.Iam.Account.CreateIfAbsent("999999999999");
        fixture.Iam.Account.CreateIfAbsent("000000000001");

        fixture.Iam.Account.AccountIds().Should().Equal("000000000001", IamFixture.Account, "999999999999");
    }

    [Fact]
    public void AuthorizationDetails_lists_an_AWS_managed_policy_only_while_the_account_uses_it()
    {
        var iam = fixture.Iam;
        iam.Roles.Create(IamFixture.Account, "app", null, IamFixture.Ec2Trust, null, null, null, []);

        iam.Account.AuthorizationDetails(IamFixture.Account, []).Policies.Should().BeEmpty();

        iam.Roles.AttachPolicy(IamFixture.Account, "app", ReadOnlyAccess);
        var policy = iam.Account.AuthorizationDetails(IamFixture.Account, []).Policies.Should().ContainSingle().Subject;
        policy.Policy.Arn.Should().Be(ReadOnlyAccess);
        policy.Usage.Attachments.Should().Be(1);

        iam.Roles.DetachPolicy(IamFixture.Account, "app", ReadOnlyAccess);
        iam.Account.AuthorizationDetails(IamFixture.Account, []).Policies.Should().BeEmpty();
    }

    [Fact]
    public void AuthorizationDetails_sorts_by_name_case_insensitively_and_returns_only_the_filtered_kinds()
    {
        var iam = fixture.Iam;
        foreach (var name in new[] { "beta", "Alpha", "gamma" })
        {
            iam.Roles.Create(IamFixture.Account, name, null, IamFixture.Ec2Trust, null, null, null, []);
            iam.Users.Create(IamFixture.Account, name, null, null, []);
        }

        iam.Groups.Create(IamFixture.Account, "team", null);
        iam.Groups.AddUser(IamFixture.Account, "team", "beta");
        iam.InstanceProfiles.Create(IamFixture.Account, "beta-profile", null, []);
        iam.InstanceProfiles.AddRole(IamFixture.Account, "beta-profile", "beta");

        var all = iam.Account.AuthorizationDetails(IamFixture.Account, []);
        var rolesOnly = iam.Account.AuthorizationDetails(IamFixture.Account, ["Role"]);

        all.Users.Select(u => u.User.UserName).Should().Equal("Alpha", "beta", "gamma");
        all.Users.Single(u => u.User.UserName == "beta").GroupNames.Should().Equal("team");
        all.Roles.Single(r => r.Role.RoleName == "beta").InstanceProfiles.Should().ContainSingle(p => p.InstanceProfileName == "beta-profile");
        all.Groups.Should().ContainSingle();
        rolesOnly.Roles.Select(r => r.Role.RoleName).Should().Equal("Alpha", "beta", "gamma");
        rolesOnly.Users.Should().BeEmpty();
        rolesOnly.Groups.Should().BeEmpty();
        rolesOnly.Policies.Should().BeEmpty();
    }

    [Fact]
    public void AuthorizationDetails_with_an_unknown_filter_is_ValidationError_naming_the_member()
    {
        var error = FluentActions.Invoking(() => fixture.Iam.Account.AuthorizationDetails(IamFixture.Account, ["Role", "Bucket"]))
            .Should().Throw<AwsException>().Which.Error;

        error.Code.Should().Be("ValidationError");
        error.Message.Should().Contain("filter.2.member");
    }
}
