using System.Net;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Partitions;

/// <summary>
/// One account per partition: the region a request is signed for decides the partition, every ARN the emulator
/// writes or accepts names the account's partition, and an account's credentials work only in its partition.
/// </summary>
public sealed class PartitionTests(PartitionTests.Factory factory) : IClassFixture<PartitionTests.Factory>
{
    private const string China = "111111111111";
    private const string Commercial = "555555555555";

    private const string Seed = """
        {"accounts":[
          {"id":"111111111111","partition":"aws-cn","rootAccessKeyId":"AKIACHINAROOT0000001","rootSecretAccessKey":"cn-root",
           "users":[{"UserName":"ci","AccessKeys":[{"AccessKeyId":"AKIACHINACI000000001","SecretAccessKey":"cn-ci"}],"Policies":[{"PolicyName":"admin","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}]},
                    {"UserName":"dev","AccessKeys":[{"AccessKeyId":"AKIACHINADEV00000001","SecretAccessKey":"cn-dev"}],
                     "Policies":[{"PolicyName":"get-app","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"arn:aws-cn:iam::111111111111:role/app"}]}}]}],
           "roles":[{"RoleName":"app","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws-cn:iam::111111111111:root"},"Action":"sts:AssumeRole"}]}},
                    {"RoleName":"other","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}}]},
          {"id":"222222222222","partition":"aws-us-gov","rootAccessKeyId":"AKIAGOVROOT000000001","rootSecretAccessKey":"gov-root",
           "users":[{"UserName":"ci","AccessKeys":[{"AccessKeyId":"AKIAGOVCI00000000001","SecretAccessKey":"gov-ci"}],"Policies":[{"PolicyName":"admin","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}]}]},
          {"id":"333333333333","partition":"aws-iso","rootAccessKeyId":"AKIAISOROOT000000001","rootSecretAccessKey":"iso-root",
           "users":[{"UserName":"ci","AccessKeys":[{"AccessKeyId":"AKIAISOCI00000000001","SecretAccessKey":"iso-ci"}],"Policies":[{"PolicyName":"admin","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}]}]},
          {"id":"444444444444","partition":"aws-iso-b","rootAccessKeyId":"AKIAISOBROOT00000001","rootSecretAccessKey":"isob-root",
           "users":[{"UserName":"ci","AccessKeys":[{"AccessKeyId":"AKIAISOBCI0000000001","SecretAccessKey":"isob-ci"}],"Policies":[{"PolicyName":"admin","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}]}]},
          {"id":"555555555555","rootAccessKeyId":"AKIACOMMERCIAL000001","rootSecretAccessKey":"aws-root",
           "users":[{"UserName":"ci","AccessKeys":[{"AccessKeyId":"AKIACOMMERCIALCI0001","SecretAccessKey":"aws-ci"}],"Policies":[{"PolicyName":"admin","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}]}]}]}
        """;

    public sealed class Factory() : EmulatorFactory(Seed);

    private IamTestClient Root(string region, string keyId, string secret) => new(factory.CreateClient(), keyId, secret) { Region = region };

    private IamTestClient ChinaRoot => Root("cn-north-1", "AKIACHINAROOT0000001", "cn-root");

    private IamTestClient ChinaCi => Root("cn-north-1", "AKIACHINACI000000001", "cn-ci");

    private IamTestClient ChinaDev => Root("cn-north-1", "AKIACHINADEV00000001", "cn-dev");

    private static string Trust(string partition, string account) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:{{partition}}:iam::{{account}}:root"},"Action":"sts:AssumeRole"}]}""";

    [Theory]
    [InlineData("cn-north-1", "aws-cn", "111111111111", "AKIACHINACI000000001", "cn-ci")]
    [InlineData("us-gov-west-1", "aws-us-gov", "222222222222", "AKIAGOVCI00000000001", "gov-ci")]
    [InlineData("us-iso-east-1", "aws-iso", "333333333333", "AKIAISOCI00000000001", "iso-ci")]
    [InlineData("us-isob-east-1", "aws-iso-b", "444444444444", "AKIAISOBCI0000000001", "isob-ci")]
    [InlineData("eu-west-1", "aws", "555555555555", "AKIACOMMERCIALCI0001", "aws-ci")]
    public async Task Roles_callers_and_role_sessions_carry_the_partition_of_the_signed_region(
        string region, string partition, string account, string keyId, string secret)
    {
        var iam = Root(region, keyId, secret);
        var sts = iam.For("sts");

        var created = await iam.Call("CreateRole", ("RoleName", "deploy"), ("Path", "/ci/"), ("AssumeRolePolicyDocument", Trust(partition, account)));
        var fetched = await iam.Call("GetRole", ("RoleName", "deploy"));
        var caller = await sts.Call("GetCallerIdentity");
        var assumed = await sts.Call("AssumeRole", ("RoleArn", $"arn:{partition}:iam::{account}:role/ci/deploy"), ("RoleSessionName", "build"));
        var session = await sts.WithCredentials(assumed, "sts").Call("GetCallerIdentity");

        created.Status.Should().Be(HttpStatusCode.OK, created.Body);
        created.Value("Arn").Should().Be($"arn:{partition}:iam::{account}:role/ci/deploy");
        fetched.Value("Arn").Should().Be($"arn:{partition}:iam::{account}:role/ci/deploy");
        caller.Value("Arn").Should().Be($"arn:{partition}:iam::{account}:user/ci");
        assumed.Status.Should().Be(HttpStatusCode.OK, assumed.Body);
        assumed.Value("Arn").Should().Be($"arn:{partition}:sts::{account}:assumed-role/deploy/build");
        session.Status.Should().Be(HttpStatusCode.OK, session.Body);
        session.Value("Arn").Should().Be($"arn:{partition}:sts::{account}:assumed-role/deploy/build");
        session.Value("Account").Should().Be(account);
    }

    [Theory]
    [InlineData("us-east-1", "AKIACHINAROOT0000001", "cn-root")]
    [InlineData("us-gov-west-1", "AKIACHINAROOT0000001", "cn-root")]
    [InlineData("cn-north-1", "AKIACOMMERCIAL000001", "aws-root")]
    [InlineData("cn-northwest-1", "AKIACOMMERCIAL000001", "aws-root")]
    public async Task Credentials_of_one_partition_are_unknown_in_another(string region, string keyId, string secret)
    {
        var response = await Root(region, keyId, secret).For("sts").Call("GetCallerIdentity");

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.ErrorCode.Should().Be("InvalidClientTokenId");
        response.ErrorMessage.Should().Be("The security token included in the request is invalid.");
    }

    [Fact]
    public async Task A_role_session_from_China_is_refused_when_signed_for_a_commercial_region()
    {
        var assumed = await ChinaCi.For("sts").Call("AssumeRole", ("RoleArn", $"arn:aws-cn:iam::{China}:role/app"), ("RoleSessionName", "s1"));
        var elsewhere = new IamTestClient(factory.CreateClient(), assumed.Value("AccessKeyId")!, assumed.Value("SecretAccessKey")!)
        {
            Service = "sts", Region = "us-west-2", SessionToken = assumed.Value("SessionToken"),
        };

        var response = await elsewhere.Call("GetCallerIdentity");

        assumed.Status.Should().Be(HttpStatusCode.OK, assumed.Body);
        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.ErrorCode.Should().Be("InvalidClientTokenId");
    }

    [Fact]
    public async Task AssumeRole_with_a_role_ARN_of_another_partition_is_AccessDenied_naming_the_callers_partition()
    {
        var response = await ChinaCi.For("sts").Call("AssumeRole", ("RoleArn", $"arn:aws:iam::{China}:role/app"), ("RoleSessionName", "s1"));

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.ErrorCode.Should().Be("AccessDenied");
        response.ErrorMessage.Should().Be($"User: arn:aws-cn:iam::{China}:user/ci is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::{China}:role/app because no role trust policy allows the sts:AssumeRole action");
    }

    [Fact]
    public async Task ListPolicies_with_Scope_AWS_in_China_lists_the_AWS_managed_policies_under_aws_cn_ARNs()
    {
        var response = await ChinaRoot.Call("ListPolicies", ("Scope", "AWS"), ("MaxItems", "1000"));

        response.Status.Should().Be(HttpStatusCode.OK);
        var arns = response.All("Arn").Select(e => e.Value).ToList();
        arns.Should().Contain("arn:aws-cn:iam::aws:policy/ReadOnlyAccess");
        arns.Should().OnlyContain(arn => arn.StartsWith("arn:aws-cn:iam::aws:policy/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AttachRolePolicy_in_China_takes_the_aws_cn_ARN_of_an_AWS_managed_policy()
    {
        await ChinaRoot.Call("CreateRole", ("RoleName", "reader"), ("AssumeRolePolicyDocument", Trust("aws-cn", China)));

        var attach = await ChinaRoot.Call("AttachRolePolicy", ("RoleName", "reader"), ("PolicyArn", "arn:aws-cn:iam::aws:policy/ReadOnlyAccess"));
        var attached = await ChinaRoot.Call("ListAttachedRolePolicies", ("RoleName", "reader"));
        var policy = await ChinaRoot.Call("GetPolicy", ("PolicyArn", "arn:aws-cn:iam::aws:policy/ReadOnlyAccess"));

        attach.Status.Should().Be(HttpStatusCode.OK, attach.Body);
        attached.All("PolicyArn").Select(e => e.Value).Should().Equal("arn:aws-cn:iam::aws:policy/ReadOnlyAccess");
        policy.Value("Arn").Should().Be("arn:aws-cn:iam::aws:policy/ReadOnlyAccess");
        policy.Value("AttachmentCount").Should().Be("1");
    }

    [Fact]
    public async Task AttachRolePolicy_in_China_refuses_the_commercial_ARN_of_an_AWS_managed_policy_as_InvalidInput()
    {
        var response = await ChinaRoot.Call("AttachRolePolicy", ("RoleName", "app"), ("PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"));
        var attached = await ChinaRoot.Call("ListAttachedRolePolicies", ("RoleName", "app"));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("InvalidInput");
        response.ErrorMessage.Should().Be("ARN arn:aws:iam::aws:policy/ReadOnlyAccess is not valid.");
        attached.All("PolicyArn").Should().BeEmpty();
    }

    [Fact]
    public async Task A_commercial_account_refuses_the_aws_cn_ARN_of_an_AWS_managed_policy()
    {
        var iam = Root("us-east-1", "AKIACOMMERCIAL000001", "aws-root");
        await iam.Call("CreateRole", ("RoleName", "reader"), ("AssumeRolePolicyDocument", Trust("aws", Commercial)));

        var refused = await iam.Call("AttachRolePolicy", ("RoleName", "reader"), ("PolicyArn", "arn:aws-cn:iam::aws:policy/ReadOnlyAccess"));
        var accepted = await iam.Call("AttachRolePolicy", ("RoleName", "reader"), ("PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"));

        refused.ErrorCode.Should().Be("InvalidInput");
        refused.ErrorMessage.Should().Be("ARN arn:aws-cn:iam::aws:policy/ReadOnlyAccess is not valid.");
        accepted.Status.Should().Be(HttpStatusCode.OK, accepted.Body);
    }

    [Fact]
    public async Task A_policy_naming_a_resource_of_another_partition_is_MalformedPolicyDocument()
    {
        const string document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::logs/*"}]}""";

        var inline = await ChinaRoot.Call("PutRolePolicy", ("RoleName", "app"), ("PolicyName", "logs"), ("PolicyDocument", document));
        var managed = await ChinaRoot.Call("CreatePolicy", ("PolicyName", "logs"), ("PolicyDocument", document));
        var inlineAfter = await ChinaRoot.Call("ListRolePolicies", ("RoleName", "app"));

        inline.Status.Should().Be(HttpStatusCode.BadRequest);
        inline.ErrorCode.Should().Be("MalformedPolicyDocument");
        inline.ErrorMessage.Should().Be("Partition \"aws\" is not valid for resource \"arn:aws:s3:::logs/*\".");
        managed.ErrorCode.Should().Be("MalformedPolicyDocument");
        managed.ErrorMessage.Should().Be("Partition \"aws\" is not valid for resource \"arn:aws:s3:::logs/*\".");
        inlineAfter.All("member").Should().BeEmpty();
    }

    [Fact]
    public async Task A_trust_policy_naming_a_principal_of_another_partition_is_an_invalid_principal()
    {
        var response = await ChinaRoot.Call("CreateRole", ("RoleName", "cross"), ("AssumeRolePolicyDocument", Trust("aws", China)));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("MalformedPolicyDocument");
        response.ErrorMessage.Should().Be($"Invalid principal in policy: \"AWS\":\"arn:aws:iam::{China}:root\"");
    }

    [Fact]
    public async Task A_policy_granting_an_aws_cn_resource_allows_it_and_the_denial_of_another_names_aws_cn_ARNs()
    {
        var allowed = await ChinaDev.Call("GetRole", ("RoleName", "app"));
        var denied = await ChinaDev.Call("GetRole", ("RoleName", "other"));

        allowed.Status.Should().Be(HttpStatusCode.OK, allowed.Body);
        allowed.Value("Arn").Should().Be($"arn:aws-cn:iam::{China}:role/app");
        denied.Status.Should().Be(HttpStatusCode.Forbidden);
        denied.ErrorCode.Should().Be("AccessDenied");
        denied.ErrorMessage.Should().Be(
            $"User: arn:aws-cn:iam::{China}:user/dev is not authorized to perform: iam:GetRole on resource: arn:aws-cn:iam::{China}:role/other because no identity-based policy allows the iam:GetRole action");
    }

    [Fact]
    public async Task Simulation_matches_the_aws_cn_resource_a_policy_names_and_not_the_same_resource_in_the_commercial_partition()
    {
        var response = await ChinaRoot.Call("SimulatePrincipalPolicy",
            ("PolicySourceArn", $"arn:aws-cn:iam::{China}:user/dev"), ("ActionNames.member.1", "iam:GetRole"),
            ("ResourceArns.member.1", $"arn:aws-cn:iam::{China}:role/app"), ("ResourceArns.member.2", $"arn:aws:iam::{China}:role/app"));

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        var results = response.All("member").Where(e => e.Parent?.Name.LocalName == "EvaluationResults").ToList();
        results.Select(r => r.Element(IamResponse.Iam + "EvalResourceName")!.Value)
            .Should().Equal($"arn:aws-cn:iam::{China}:role/app", $"arn:aws:iam::{China}:role/app");
        results.Select(r => r.Element(IamResponse.Iam + "EvalDecision")!.Value).Should().Equal("allowed", "implicitDeny");
    }

    [Fact]
    public async Task GetFederationToken_in_GovCloud_names_a_federated_user_of_aws_us_gov()
    {
        var response = await Root("us-gov-east-1", "AKIAGOVROOT000000001", "gov-root").For("sts").Call("GetFederationToken", ("Name", "bob"));

        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        response.Value("Arn").Should().Be("arn:aws-us-gov:sts::222222222222:federated-user/bob");
    }
}
