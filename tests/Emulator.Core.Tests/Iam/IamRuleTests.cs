using Emulator.Core.Errors;
using Emulator.Core.Iam.Tags;

namespace Emulator.Core.Tests.Iam;

public sealed class IamRuleTests
{
    private readonly IamFixture fixture = new();

    private Action Call(Action action) => action;

    private static AwsError ErrorOf(Action action) => action.Should().Throw<AwsException>().Which.Error;

    [Fact]
    public void DeleteRole_reports_profiles_then_attached_then_inline_policies()
    {
        var iam = fixture.Iam;
        iam.Roles.Create(IamFixture.Account, "app", null, IamFixture.Ec2Trust, null, null, null, []);
        iam.Roles.PutPolicy(IamFixture.Account, "app", "inline", IamFixture.S3Read);
        iam.Roles.AttachPolicy(IamFixture.Account, "app", "arn:aws:iam::aws:policy/ReadOnlyAccess");
        iam.InstanceProfiles.Create(IamFixture.Account, "app-profile", null, []);
        iam.InstanceProfiles.AddRole(IamFixture.Account, "app-profile", "app");

        ErrorOf(() => iam.Roles.Delete(IamFixture.Account, "app")).Message.Should().Be("Cannot delete entity, must remove roles from instance profile first.");
        iam.InstanceProfiles.RemoveRole(IamFixture.Account, "app-profile", "app");
        ErrorOf(() => iam.Roles.Delete(IamFixture.Account, "app")).Message.Should().Be("Cannot delete entity, must detach all policies first.");
        iam.Roles.DetachPolicy(IamFixture.Account, "app", "arn:aws:iam::aws:policy/ReadOnlyAccess");
        ErrorOf(() => iam.Roles.Delete(IamFixture.Account, "app")).Message.Should().Be("Cannot delete entity, must delete policies first.");
        iam.Roles.DeletePolicy(IamFixture.Account, "app", "inline");
        iam.Roles.Delete(IamFixture.Account, "app");

        ErrorOf(() => iam.Roles.Get(IamFixture.Account, "app")).Code.Should().Be("NoSuchEntity");
    }

    [Fact]
    public void A_recreated_role_gets_a_new_unique_id()
    {
        var first = fixture.Iam.Roles.Create(IamFixture.Account, "again", null, IamFixture.Ec2Trust, null, null, null, []);
        fixture.Iam.Roles.Delete(IamFixture.Account, "again");
        var second = fixture.Iam.Roles.Create(IamFixture.Account, "again", null, IamFixture.Ec2Trust, null, null, null, []);

        second.RoleId.Should().NotBe(first.RoleId);
        second.Arn.Should().Be(first.Arn);
    }

    [Fact]
    public void Removing_a_role_that_is_not_in_the_profile_is_NoSuchEntity()
    {
        fixture.Iam.Roles.Create(IamFixture.Account, "lonely", null, IamFixture.Ec2Trust, null, null, null, []);
        fixture.Iam.InstanceProfiles.Create(IamFixture.Account, "empty", null, []);

        var error = ErrorOf(() => fixture.Iam.InstanceProfiles.RemoveRole(IamFixture.Account, "empty", "lonely"));

        error.Code.Should().Be("NoSuchEntity");
        error.Message.Should().Be("Role lonely in Instance Profile empty cannot be found.");
    }

    [Fact]
    public void A_user_has_at_most_two_access_keys_and_cannot_be_deleted_with_keys()
    {
        var iam = fixture.Iam;
        iam.Users.Create(IamFixture.Account, "bob", null, null, []);
        var first = iam.AccessKeys.Create(IamFixture.Account, "bob");
        iam.AccessKeys.Create(IamFixture.Account, "bob");

        var third = ErrorOf(() => iam.AccessKeys.Create(IamFixture.Account, "bob"));
        var delete = ErrorOf(() => iam.Users.Delete(IamFixture.Account, "bob"));

        first.AccessKeyId.Should().MatchRegex("^AKIA[A-Z2-7]{16}$");
        first.SecretAccessKey.Should().HaveLength(40);
        third.Code.Should().Be("LimitExceeded");
        third.Message.Should().Be("Cannot exceed quota for AccessKeysPerUser: 2");
        delete.Message.Should().Be("Cannot delete entity, must delete access keys first.");
    }

    [Fact]
    public void A_group_with_members_cannot_be_deleted_and_a_member_user_cannot_either()
    {
        var iam = fixture.Iam;
        iam.Users.Create(IamFixture.Account, "carol", null, null, []);
        iam.Groups.Create(IamFixture.Account, "devs", null);
        iam.Groups.AddUser(IamFixture.Account, "devs", "carol");

        ErrorOf(() => iam.Groups.Delete(IamFixture.Account, "devs")).Message.Should().Be("Cannot delete entity, must remove users from group first.");
        ErrorOf(() => iam.Users.Delete(IamFixture.Account, "carol")).Message.Should().Be("Cannot delete entity, must remove users from group first.");
        iam.Groups.ListForUser(IamFixture.Account, "carol", null, null).Items.Select(g => g.GroupName).Should().Equal("devs");
    }

    [Fact]
    public void An_attached_policy_cannot_be_deleted_and_a_policy_with_versions_neither()
    {
        var iam = fixture.Iam;
        var policy = iam.Policies.Create(IamFixture.Account, "p", null, IamFixture.S3Read, null, []);
        iam.Users.Create(IamFixture.Account, "dave", null, null, []);
        iam.Users.AttachPolicy(IamFixture.Account, "dave", policy.Arn);
        iam.Policies.CreateVersion(IamFixture.Account, policy.Arn, IamFixture.S3Read, false);

        ErrorOf(() => iam.Policies.Delete(IamFixture.Account, policy.Arn)).Message.Should().Be("Cannot delete a policy attached to entities.");
        iam.Users.DetachPolicy(IamFixture.Account, "dave", policy.Arn);
        ErrorOf(() => iam.Policies.Delete(IamFixture.Account, policy.Arn)).Message.Should().StartWith("This policy has more than one version.");
        iam.Policies.DeleteVersion(IamFixture.Account, policy.Arn, "v2");
        iam.Policies.Delete(IamFixture.Account, policy.Arn);
    }

    [Fact]
    public void Managed_policies_must_be_version_2012_10_17()
    {
        var error = ErrorOf(() => fixture.Iam.Policies.Create(IamFixture.Account, "old", null,
            """{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""", null, []));

        error.Code.Should().Be("MalformedPolicyDocument");
        error.Message.Should().Be("Policy document must be version 2012-10-17 or greater.");
    }

    [Fact]
    public void Role_inline_policies_are_limited_to_10240_characters_in_total()
    {
        fixture.Iam.Roles.Create(IamFixture.Account, "big", null, IamFixture.Ec2Trust, null, null, null, []);
        var actions = string.Join(",", Enumerable.Range(0, 700).Select(i => $"\"s3:GetObject{i}\""));
        var document = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[{{actions}}],"Resource":"*"}]}""";

        var error = ErrorOf(() => fixture.Iam.Roles.PutPolicy(IamFixture.Account, "big", "huge", document));

        error.Code.Should().Be("LimitExceeded");
        error.Message.Should().Be("Maximum policy size of 10240 bytes exceeded for role big");
    }

    [Fact]
    public void Tags_beyond_fifty_or_with_the_aws_prefix_are_refused()
    {
        var tooMany = Enumerable.Range(0, 51).Select(i => new Tag($"k{i}", "v")).ToList();

        ErrorOf(() => fixture.Iam.Users.Create(IamFixture.Account, "tagged", null, null, tooMany)).Code.Should().Be("ValidationError");
        ErrorOf(() => fixture.Iam.Users.Create(IamFixture.Account, "tagged", null, null, [new Tag("aws:x", "v")])).Code.Should().Be("InvalidInput");
    }

    [Fact]
    public void Oidc_provider_urls_are_stored_without_the_scheme_and_need_https()
    {
        var provider = fixture.Iam.OpenIdConnectProviders.Create(IamFixture.Account, "https://token.actions.githubusercontent.com", ["sts.amazonaws.com"], [], []);

        provider.Url.Should().Be("token.actions.githubusercontent.com");
        provider.Arn.Should().Be("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com");
        ErrorOf(() => fixture.Iam.OpenIdConnectProviders.Create(IamFixture.Account, "token.example.com", [], [], [])).Message.Should().Be("Invalid Open ID Connect Provider URL");
        ErrorOf(() => fixture.Iam.OpenIdConnectProviders.Create(IamFixture.Account, "https://token.actions.githubusercontent.com", [], [], [])).Code.Should().Be("EntityAlreadyExists");
        ErrorOf(() => fixture.Iam.OpenIdConnectProviders.Create(IamFixture.Account, "https://six.example.com", [],
            Enumerable.Range(0, 6).Select(i => new string((char)('a' + i), 40)).ToList(), [])).Message.Should().Be("Thumbprint list must contain fewer than 5 entries.");
    }

    [Fact]
    public void Creation_dates_come_from_the_injected_clock()
    {
        fixture.Clock.SetTime(new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.Zero));

        var role = fixture.Iam.Roles.Create(IamFixture.Account, "future", null, IamFixture.Ec2Trust, null, null, null, []);

        role.CreateDate.Should().BeCloseTo(new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Account_aliases_are_unique_across_accounts()
    {
        var twoAccounts = new IamFixture("""{"accounts":[{"id":"111111111111","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAA1","rootSecretAccessKey":"a"},{"id":"222222222222","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAA2","rootSecretAccessKey":"b"}]}""");
        twoAccounts.Iam.Account.CreateAlias("111111111111", "my-company");

        ErrorOf(() => twoAccounts.Iam.Account.CreateAlias("222222222222", "my-company")).Code.Should().Be("EntityAlreadyExists");
        twoAccounts.Iam.Account.ListAliases("111111111111").Should().Equal("my-company");
    }

    [Fact]
    public void Attaching_something_that_is_not_an_ARN_is_ValidationError_and_an_ARN_of_something_else_InvalidInput()
    {
        fixture.Iam.Roles.Create(IamFixture.Account, "attach", null, IamFixture.Ec2Trust, null, null, null, []);

        var notArn = ErrorOf(() => fixture.Iam.Roles.AttachPolicy(IamFixture.Account, "attach", "ReadOnlyAccess-not-an-arn"));
        var notPolicy = ErrorOf(() => fixture.Iam.Roles.AttachPolicy(IamFixture.Account, "attach", "arn:aws:iam::123456789012:role/attach"));

        notArn.Code.Should().Be("ValidationError");
        notArn.Message.Should().Be("Invalid ARN:  Could not be parsed!");
        notPolicy.Code.Should().Be("InvalidInput");
    }
}
