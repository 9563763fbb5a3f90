using System.Net;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Sts;

/// <summary>Federation tokens, managed session policies, and chaining from web-identity sessions.</summary>
public sealed class SessionKindTests : IClassFixture<SessionKindTests.Factory>
{
    private const string Seed = """
        {"accounts":[{"id":"123456789012","rootAccessKeyId":"AKIAIOSFODNN7EXAMPLE","rootSecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          "policies":[{"PolicyName":"OnlyListRoles","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListRoles","Resource":"*"}]}}],
          "openIdConnectProviders":[{"Url":"https://oidc.emulator.test","ClientIDList":["sts.amazonaws.com"]}],
          "users":[{"UserName":"fed","AccessKeys":[{"AccessKeyId":"AKIAFEDFEDFED0000001","SecretAccessKey":"fed-secret"}],
                    "Policies":[{"PolicyName":"all","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:*","iam:*"],"Resource":"*"}]}}]}],
          "roles":[{"RoleName":"reader","MaxSessionDuration":43200,"AttachedPolicies":["arn:aws:iam::aws:policy/IAMReadOnlyAccess"],
                    "Policies":[{"PolicyName":"hop","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}}],
                    "AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[
                      {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/fed"},"Action":"sts:AssumeRole"},
                      {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"},
                      {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/oidc.emulator.test"},"Action":"sts:AssumeRoleWithWebIdentity"}]}}]}]}
        """;

    private readonly Factory factory;

    public SessionKindTests(Factory factory) => this.factory = factory;

    public sealed class Factory() : EmulatorFactory(Seed);

    private IamTestClient Fed => factory.Iam("AKIAFEDFEDFED0000001", "fed-secret").For("sts");

    [Fact]
    public async Task A_federation_token_names_a_federated_user_that_IAM_does_not_know_and_STS_only_identifies()
    {
        var token = await Fed.Call("GetFederationToken", ("Name", "bob"), ("Policy", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"""));
        var sts = Fed.WithCredentials(token, "sts");

        var identity = await sts.Call("GetCallerIdentity");
        var iam = await Fed.WithCredentials(token).Call("ListRoles");
        var again = await sts.Call("GetFederationToken", ("Name", "eve"));

        token.Value("Arn").Should().Be("arn:aws:sts::123456789012:federated-user/bob");
        token.Value("FederatedUserId").Should().Be("123456789012:bob");
        token.Value("AccessKeyId").Should().StartWith("ASIA");
        identity.Value("Arn").Should().Be("arn:aws:sts::123456789012:federated-user/bob");
        identity.Value("UserId").Should().Be("123456789012:bob");
        iam.ErrorCode.Should().Be("InvalidClientTokenId");
        again.ErrorCode.Should().Be("AccessDenied");
        again.ErrorMessage.Should().Be("Cannot call GetFederationToken with session credentials");
    }

    [Fact]
    public async Task A_federation_token_name_outside_2_to_32_characters_is_ValidationError()
    {
        var response = await Fed.Call("GetFederationToken", ("Name", "b"));

        response.ErrorCode.Should().Be("ValidationError");
        response.ErrorMessage.Should().Contain("'name'");
    }

    [Fact]
    public async Task A_managed_session_policy_narrows_the_session_like_an_inline_one()
    {
        var assumed = await Fed.Call("AssumeRole", ("RoleArn", "arn:aws:iam::123456789012:role/reader"), ("RoleSessionName", "narrow"),
            ("PolicyArns.member.1.arn", "arn:aws:iam::123456789012:policy/OnlyListRoles"));
        var iam = Fed.WithCredentials(assumed);

        var roles = await iam.Call("ListRoles");
        var users = await iam.Call("ListUsers");
        var missing = await Fed.Call("AssumeRole", ("RoleArn", "arn:aws:iam::123456789012:role/reader"), ("RoleSessionName", "narrow"),
            ("PolicyArns.member.1.arn", "arn:aws:iam::123456789012:policy/NoSuchPolicy"));

        assumed.Value("PackedPolicySize").Should().NotBeNull();
        roles.Status.Should().Be(HttpStatusCode.OK);
        users.ErrorMessage.Should().EndWith("because no session policy allows the iam:ListUsers action");
        missing.ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task Chaining_from_a_web_identity_session_is_capped_at_one_hour()
    {
        var jwt = await factory.MintOidcToken(new { subject = "ci" });
        var web = await factory.AssumeRoleWithWebIdentity("arn:aws:iam::123456789012:role/reader", jwt, ("DurationSeconds", "7200"));
        var session = factory.Iam().WithCredentials(web, "sts");

        var tooLong = await session.Call("AssumeRole", ("RoleArn", "arn:aws:iam::123456789012:role/reader"), ("RoleSessionName", "hop"), ("DurationSeconds", "7200"));
        var oneHour = await session.Call("AssumeRole", ("RoleArn", "arn:aws:iam::123456789012:role/reader"), ("RoleSessionName", "hop"));

        web.Status.Should().Be(HttpStatusCode.OK, "a web-identity session is not chaining and may last up to the role's maximum");
        tooLong.ErrorMessage.Should().Be("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        oneHour.Status.Should().Be(HttpStatusCode.OK);
    }
}
