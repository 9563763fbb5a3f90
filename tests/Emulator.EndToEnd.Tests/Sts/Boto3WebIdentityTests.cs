using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Sts;

/// <summary>
/// boto3 with a token from the built-in OIDC issuer and no AWS keys at all: AssumeRoleWithWebIdentity is
/// sent unsigned, both called directly and through the AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE
/// credential provider that CI runners and EKS pods use.
/// </summary>
[Collection(StsSdkCollection.Name)]
public sealed class Boto3WebIdentityTests(StsEmulator emulator) : IDisposable
{
    private readonly ScratchDirectory files = new();

    [Fact]
    public async Task A_client_without_keys_exchanges_the_token_for_role_credentials_directly_and_through_the_token_file_provider()
    {
        var token = await BuiltInIssuer.MintAsync(emulator, new { subject = "repo:acme/app:environment:prod" });
        var tokenFile = files.Write("web-identity-token", token);

        var result = (await emulator.Boto3().RunAsync("""
            for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
                os.environ.pop(name, None)
            keys_found = boto3.session.Session().get_credentials() is not None
            sts = client("sts")
            assumed = sts.assume_role_with_web_identity(RoleArn=arg("ROLE"), RoleSessionName="gha", WebIdentityToken=arg("TOKEN"))
            keys = assumed["Credentials"]
            as_role = boto3.session.Session(aws_access_key_id=keys["AccessKeyId"], aws_secret_access_key=keys["SecretAccessKey"],
                aws_session_token=keys["SessionToken"], region_name="us-east-1")

            # The SDKs' web-identity provider: its STS client follows AWS_ENDPOINT_URL to the emulator.
            os.environ.update({"AWS_ROLE_ARN": arg("ROLE"), "AWS_WEB_IDENTITY_TOKEN_FILE": arg("TOKEN_FILE"),
                "AWS_ROLE_SESSION_NAME": "from-token-file", "AWS_ENDPOINT_URL": ENDPOINT})
            from_file = boto3.session.Session(region_name="us-east-1")
            emit({
                "keysFound": keys_found,
                "assumed": {k: v for k, v in assumed.items() if k != "ResponseMetadata"},
                "identity": as_role.client("sts", endpoint_url=ENDPOINT).get_caller_identity()["Arn"],
                "role": as_role.client("iam", endpoint_url=ENDPOINT).get_role(RoleName="deploy")["Role"]["Arn"],
                "fromFile": from_file.client("sts").get_caller_identity()["Arn"],
                "fromFileMethod": from_file.get_credentials().method,
            })
            """, new Dictionary<string, string>
        {
            ["ROLE"] = StsEmulator.RoleArn("deploy"),
            ["TOKEN"] = token,
            ["TOKEN_FILE"] = tokenFile,
        })).ShouldSucceed().Json;

        result.At("keysFound").GetBoolean().Should().BeFalse("the STS client had no keys to sign with");
        result.Text("assumed", "SubjectFromWebIdentityToken").Should().Be("repo:acme/app:environment:prod");
        result.Text("assumed", "Audience").Should().Be("sts.amazonaws.com");
        result.Text("assumed", "AssumedRoleUser", "Arn").Should().Be("arn:aws:sts::111111111111:assumed-role/deploy/gha");
        result.Text("assumed", "Credentials", "AccessKeyId").Should().MatchRegex("^ASIA[A-Z2-7]{16}$");
        result.Text("identity").Should().Be("arn:aws:sts::111111111111:assumed-role/deploy/gha");
        result.Text("role").Should().Be(StsEmulator.RoleArn("deploy"), "IAMReadOnlyAccess lets the session read the role");
        result.Text("fromFile").Should().Be("arn:aws:sts::111111111111:assumed-role/deploy/from-token-file");
        result.Text("fromFileMethod").Should().Be("assume-role-with-web-identity");
    }

    public void Dispose() => files.Dispose();
}
