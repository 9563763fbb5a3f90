using Emulator.Core.Errors;
using Emulator.Core.Iam;
using Emulator.Core.Seeding;

namespace Emulator.Core.Tests.Iam;

/// <summary>Quotas default to AWS's, can be lowered or raised, and every check and GetAccountSummary use the values in force.</summary>
public sealed class IamQuotaTests
{
    private const string Account = IamFixture.Account;

    [Fact]
    public void A_lowered_RolesPerAccount_refuses_the_fourth_role_naming_the_configured_value()
    {
        var iam = new IamFixture(quotas: IamQuotas.Parse(["RolesPerAccount=3"])).Iam;
        for (var i = 0; i < 3; i++)
        {
            iam.Roles.Create(Account, $"role-{i}", null, IamFixture.Ec2Trust, null, null, null, []);
        }

        var fourth = ErrorOf(() => iam.Roles.Create(Account, "role-3", null, IamFixture.Ec2Trust, null, null, null, []));

        fourth.Code.Should().Be("LimitExceeded");
        fourth.Message.Should().Be("Cannot exceed quota for RolesPerAccount: 3");
        iam.Roles.Get(Account, "role-2").RoleName.Should().Be("role-2");
        Summary(iam, "Roles").Should().Be(3);
    }

    [Fact]
    public void A_raised_PoliciesPerRole_allows_twenty_attachments_where_the_default_refuses_the_eleventh()
    {
        var raised = new IamFixture(quotas: IamQuotas.Default with { PoliciesPerRole = 20 }).Iam;
        var standard = new IamFixture().Iam;

        var raisedAttached = AttachUpTo(raised, 20);
        var standardAttached = AttachUpTo(standard, 10);
        var twentyFirst = ErrorOf(() => raised.Roles.AttachPolicy(Account, "busy", Policy(raised, 20)));
        var eleventh = ErrorOf(() => standard.Roles.AttachPolicy(Account, "busy", Policy(standard, 10)));

        raisedAttached.Should().Be(20);
        standardAttached.Should().Be(10);
        twentyFirst.Code.Should().Be("LimitExceeded");
        twentyFirst.Message.Should().Be("Cannot exceed quota for PoliciesPerRole: 20");
        eleventh.Code.Should().Be("LimitExceeded");
        eleventh.Message.Should().Be("Cannot exceed quota for PoliciesPerRole: 10");
    }

    [Fact]
    public void Lowered_size_and_version_quotas_show_their_configured_values_in_the_messages()
    {
        var iam = new IamFixture(quotas: IamQuotas.Parse(["UserPolicySize=100,VersionsPerPolicy=2", "AccessKeysPerUser=1"])).Iam;
        iam.Users.Create(Account, "bob", null, null, []);
        iam.AccessKeys.Create(Account, "bob");
        var arn = iam.Policies.Create(Account, "versioned", null, IamFixture.S3Read, null, []).Arn;
        iam.Policies.CreateVersion(Account, arn, IamFixture.S3Read, false);

        var inline = ErrorOf(() => iam.Users.PutPolicy(Account, "bob", "big",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:ListBucket"],"Resource":"*"}]}"""));
        var version = ErrorOf(() => iam.Policies.CreateVersion(Account, arn, IamFixture.S3Read, false));
        var key = ErrorOf(() => iam.AccessKeys.Create(Account, "bob"));

        inline.Message.Should().Be("Maximum policy size of 100 bytes exceeded for user bob");
        version.Message.Should().Be("A managed policy can have up to 2 versions. Before you create a new version, you must delete an existing version.");
        key.Message.Should().Be("Cannot exceed quota for AccessKeysPerUser: 1");
    }

    [Fact]
    public void GetAccountSummary_reports_the_configured_quotas_and_AWS_defaults_for_the_rest()
    {
        var iam = new IamFixture(quotas: IamQuotas.Parse([
            "RolesPerAccount=10000,UsersPerAccount=6000,GroupsPerAccount=400,PoliciesPerAccount=2000,InstanceProfilesPerAccount=1200",
            "ServerCertificatesPerAccount=30,PoliciesPerRole=20,PoliciesPerUser=21,PoliciesPerGroup=22,AccessKeysPerUser=3",
            "GroupsPerUser=11,VersionsPerPolicy=6,PolicySize=7000,RolePolicySize=20000,UserPolicySize=3000,GroupPolicySize=6000,ACLSizePerRole=4096",
        ])).Iam;
        var standard = new IamFixture().Iam;

        var summary = iam.Account.Summary(Account).ToDictionary(e => e.Key, e => e.Value);
        var defaults = standard.Account.Summary(Account).ToDictionary(e => e.Key, e => e.Value);

        summary.Where(e => e.Key.EndsWith("Quota", StringComparison.Ordinal)).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["RolesQuota"] = 10000, ["UsersQuota"] = 6000, ["GroupsQuota"] = 400, ["PoliciesQuota"] = 2000,
            ["InstanceProfilesQuota"] = 1200, ["ServerCertificatesQuota"] = 30, ["AttachedPoliciesPerRoleQuota"] = 20,
            ["AttachedPoliciesPerUserQuota"] = 21, ["AttachedPoliciesPerGroupQuota"] = 22, ["AccessKeysPerUserQuota"] = 3,
            ["GroupsPerUserQuota"] = 11, ["VersionsPerPolicyQuota"] = 6, ["PolicySizeQuota"] = 7000, ["RolePolicySizeQuota"] = 20000,
            ["UserPolicySizeQuota"] = 3000, ["GroupPolicySizeQuota"] = 6000, ["AssumeRolePolicySizeQuota"] = 4096,
            ["PolicyVersionsInUseQuota"] = 10000,
        });
        defaults.Where(e => e.Key.EndsWith("Quota", StringComparison.Ordinal)).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["RolesQuota"] = 1000, ["UsersQuota"] = 5000, ["GroupsQuota"] = 300, ["PoliciesQuota"] = 1500,
            ["InstanceProfilesQuota"] = 1000, ["ServerCertificatesQuota"] = 20, ["AttachedPoliciesPerRoleQuota"] = 10,
            ["AttachedPoliciesPerUserQuota"] = 10, ["AttachedPoliciesPerGroupQuota"] = 10, ["AccessKeysPerUserQuota"] = 2,
            ["GroupsPerUserQuota"] = 10, ["VersionsPerPolicyQuota"] = 5, ["PolicySizeQuota"] = 6144, ["RolePolicySizeQuota"] = 10240,
            ["UserPolicySizeQuota"] = 2048, ["GroupPolicySizeQuota"] = 5120, ["AssumeRolePolicySizeQuota"] = 2048,
            ["PolicyVersionsInUseQuota"] = 10000,
        });
    }

    [Fact]
    public void Quota_names_match_case_insensitively_and_entries_may_hold_several_settings()
    {
        var quotas = IamQuotas.Parse(["rolesperaccount=12", " SAMLProvidersPerAccount = 7 , PublicKeysPerUser=9"]);

        quotas.Should().Be(IamQuotas.Default with { RolesPerAccount = 12, SAMLProvidersPerAccount = 7, PublicKeysPerUser = 9 });
        IamQuotas.Parse([]).Should().Be(IamQuotas.Default);
    }

    [Theory]
    [InlineData("RolesPerAccount=0", "RolesPerAccount must be a whole number from 1 to 2147483647, not '0'.")]
    [InlineData("RolesPerAccount=-5", "RolesPerAccount must be a whole number from 1 to 2147483647, not '-5'.")]
    [InlineData("RolesPerAccount=1.5", "RolesPerAccount must be a whole number from 1 to 2147483647, not '1.5'.")]
    [InlineData("RolesPerAccount=many", "RolesPerAccount must be a whole number from 1 to 2147483647, not 'many'.")]
    [InlineData("RolesPerAccount=", "RolesPerAccount must be a whole number from 1 to 2147483647, not ''.")]
    [InlineData("RolesPerAccount=99999999999", "RolesPerAccount must be a whole number from 1 to 2147483647, not '99999999999'.")]
    [InlineData("RolesPerAccount=5,RolesPerAccount=6", "RolesPerAccount is given more than once.")]
    public void A_bad_value_is_refused_naming_the_quota(string entry, string message)
    {
        var parse = () => IamQuotas.Parse([entry]);

        parse.Should().Throw<FormatException>().WithMessage(message);
    }

    [Theory]
    [InlineData("RolesPerAcount=5", "'RolesPerAcount' is not a quota.")]
    [InlineData("RolesPerAccount", "'RolesPerAccount' is not NAME=VALUE (e.g. RolesPerAccount=10000).")]
    [InlineData("=5", "'=5' is not NAME=VALUE (e.g. RolesPerAccount=10000).")]
    [InlineData("", "'' is not NAME=VALUE (e.g. RolesPerAccount=10000).")]
    public void An_unknown_name_or_a_setting_without_a_value_is_refused_listing_the_quotas_with_their_defaults(string entry, string start)
    {
        var parse = () => IamQuotas.Parse([entry]);

        var message = parse.Should().Throw<FormatException>().Which.Message;
        message.Should().StartWith(start + " Quotas (with AWS's defaults): UsersPerAccount=5000, GroupsPerAccount=300, RolesPerAccount=1000,");
        message.Should().EndWith("GroupPolicySize=5120, ACLSizePerRole=2048.");
        message.Should().NotContain("\n");
    }

    [Fact]
    public void A_seed_is_held_to_the_quotas_in_force()
    {
        const string seed = """
            {"accounts": [{"id": "123456789012", "rootAccessKeyId": "AKIAIOSFODNN7EXAMPLE", "rootSecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "roles": [
              {"RoleName": "a", "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}},
              {"RoleName": "b", "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}]}]}
            """;

        var lowered = () => new IamFixture(seed, IamQuotas.Default with { RolesPerAccount = 1 });

        lowered.Should().Throw<SeedException>().Which.Message.Should().Contain("Cannot exceed quota for RolesPerAccount: 1");
        new IamFixture(seed, IamQuotas.Default with { RolesPerAccount = 2 }).Iam.Account.Summary(Account).Single(e => e.Key == "Roles").Value.Should().Be(2);
    }

    private static int AttachUpTo(IamService iam, int count)
    {
        iam.Roles.Create(Account, "busy", null, IamFixture.Ec2Trust, null, null, null, []);
        for (var i = 0; i <= count; i++)
        {
            iam.Policies.Create(Account, $"policy-{i}", null, IamFixture.S3Read, null, []);
        }

        for (var i = 0; i < count; i++)
        {
            iam.Roles.AttachPolicy(Account, "busy", Policy(iam, i));
        }

        return iam.Roles.ListAttachedPolicies(Account, "busy", null, null, 100).Items.Count;
    }

    private static string Policy(IamService iam, int i) => $"arn:aws:iam::{Account}:policy/policy-{i}";

    private static int Summary(IamService iam, string key) => iam.Account.Summary(Account).Single(e => e.Key == key).Value;

    private static AwsError ErrorOf(Action action) => action.Should().Throw<AwsException>().Which.Error;
}
