using Emulator.Core.Seeding;

namespace Emulator.Core.Tests.Seeding;

public sealed class SeedLoaderTests
{
    private static string ErrorOf(string seed) =>
        FluentActions.Invoking(() => new IamFixture(seed)).Should().Throw<SeedException>().Which.Message;

    [Fact]
    public void Without_a_seed_there_is_one_default_account_with_documented_root_keys()
    {
        var fixture = new IamFixture();

        fixture.Store.Read(s => s.Accounts.Keys.ToList()).Should().Equal("123456789012");
        fixture.Store.Read(s => s.AccessKeyOwners[SeedLoader.DefaultRootAccessKeyId]).Should().Be("123456789012");
    }

    [Fact]
    public void A_full_seed_creates_every_entity_through_the_domain_rules()
    {
        var fixture = new IamFixture("""
            {"accounts":[
              {"id":"111111111111","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAA1","rootSecretAccessKey":"s1","alias":"acme",
               "policies":[{"PolicyName":"read","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}}],
               "groups":[{"GroupName":"devs","AttachedPolicies":["arn:aws:iam::111111111111:policy/read"]}],
               "users":[{"UserName":"alice","Groups":["devs"],"AccessKeys":[{"AccessKeyId":"AKIAALICE00000000001","SecretAccessKey":"a"}],
                         "Tags":[{"Key":"team","Value":"blue"}]}],
               "roles":[{"RoleName":"abcd","Path":"/app/","MaxSessionDuration":7200,
                         "AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]},
                         "Policies":[{"PolicyName":"assume","PolicyDocument":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"arn:aws:iam::222222222222:role/efgh\"}]}"}]}],
               "instanceProfiles":[{"InstanceProfileName":"abcd","Roles":["abcd"]}]},
              {"id":"222222222222","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAA2","rootSecretAccessKey":"s2",
               "roles":[{"RoleName":"efgh","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/app/abcd"},"Action":"sts:AssumeRole"}]}}]}]}
            """);

        var role = fixture.Iam.Roles.Get("111111111111", "abcd");
        role.Arn.Should().Be("arn:aws:iam::111111111111:role/app/abcd");
        role.MaxSessionDuration.Should().Be(7200);
        role.InlinePolicies.Single().PolicyName.Should().Be("assume");
        fixture.Iam.InstanceProfiles.Get("111111111111", "abcd").Role!.RoleName.Should().Be("abcd");
        fixture.Iam.Groups.ListForUser("111111111111", "alice", null, null).Items.Single().GroupName.Should().Be("devs");
        fixture.Iam.Account.ListAliases("111111111111").Should().Equal("acme");
        fixture.Iam.Roles.Get("222222222222", "efgh").AssumeRolePolicy.Document.Principals.Should().ContainSingle(p => p.Value == "arn:aws:iam::111111111111:role/app/abcd");
    }

    [Fact]
    public void A_malformed_trust_policy_names_the_field()
    {
        var message = ErrorOf("""{"accounts":[{"id":"111111111111","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAA1","rootSecretAccessKey":"s","roles":[{"RoleName":"r","AssumeRolePolicyDocument":"{not json"}]}]}""");

        message.Should().Be("accounts[0].roles[0].AssumeRolePolicyDocument: MalformedPolicyDocument: This policy contains invalid Json");
    }

    [Theory]
    [InlineData("""{"accounts":[{"id":"12","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAA1","rootSecretAccessKey":"s"}]}""", "accounts[0].id: an account id is 12 digits, not '12'.")]
    [InlineData("""{"accounts":[{"id":"111111111111","rootSecretAccessKey":"s"}]}""", "accounts[0].rootAccessKeyId: required field is missing.")]
    [InlineData("""{"accounts":[{"id":"111111111111","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAA1","rootSecretAccessKey":"s","rolez":[]}]}""", "accounts[0].rolez: unknown field")]
    [InlineData("""{"accounts":[]}""", "accounts: at least one account is required.")]
    [InlineData("""{"accounts":[{"id":"111111111111","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAA1","rootSecretAccessKey":"s","roles":[{"RoleName":"r","MaxSessionDuration":"long","AssumeRolePolicyDocument":"{}"}]}]}""", "accounts[0].roles[0].MaxSessionDuration: expected an integer.")]
    [InlineData("""{"accounts":[{"id":"111111111111","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAA1","rootSecretAccessKey":"s","users":[{"UserName":"u","Groups":["missing"]}]}]}""", "accounts[0].users[0].Groups[0]: NoSuchEntity: The group with name missing cannot be found.")]
    [InlineData("not json", "seed: not valid JSON")]
    public void A_seed_error_names_the_field(string seed, string expectedStart) =>
        ErrorOf(seed).Should().StartWith(expectedStart);

    [Fact]
    public void The_same_access_key_in_two_accounts_is_refused()
    {
        var message = ErrorOf("""{"accounts":[{"id":"111111111111","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAA1","rootSecretAccessKey":"a"},{"id":"222222222222","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAA1","rootSecretAccessKey":"b"}]}""");

        message.Should().StartWith("accounts[1].rootAccessKeyId: EntityAlreadyExists");
    }
}
