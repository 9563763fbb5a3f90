using System.Net;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Sts;

/// <summary>
/// The AWS SDK for .NET (AWSSDK.SecurityToken v4) against the server: AssumeRole with a user's keys, and
/// AssumeRoleWithWebIdentity (sent unsigned) with tokens from the built-in OIDC issuer, whose
/// credentials then sign GetCallerIdentity.
/// </summary>
[Collection(StsSdkCollection.Name)]
public sealed class DotNetSdkTests(StsEmulator emulator)
{
    private const string DeployRole = "arn:aws:iam::111111111111:role/deploy";

    [Fact]
    public async Task AssumeRole_returns_credentials_that_GetCallerIdentity_knows_as_the_role_session()
    {
        using var asDev = Client(new BasicAWSCredentials(StsEmulator.Dev.AccessKeyId, StsEmulator.Dev.SecretAccessKey));

        var assumed = await asDev.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = StsEmulator.RoleArn("prodaccess"), RoleSessionName = "sdk-session", DurationSeconds = 900,
        });
        using var asRole = Client(Session(assumed.Credentials));
        var identity = await asRole.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        assumed.Credentials.AccessKeyId.Should().MatchRegex("^ASIA[A-Z2-7]{16}$");
        assumed.Credentials.Expiration!.Value.ToUniversalTime().Should().BeCloseTo(DateTime.UtcNow.AddMinutes(15), TimeSpan.FromMinutes(2));
        assumed.AssumedRoleUser.Arn.Should().Be("arn:aws:sts::111111111111:assumed-role/prodaccess/sdk-session");
        identity.Arn.Should().Be("arn:aws:sts::111111111111:assumed-role/prodaccess/sdk-session");
        identity.Account.Should().Be(StsEmulator.AccountA);
        identity.UserId.Should().Be(assumed.AssumedRoleUser.AssumedRoleId);
    }

    [Fact]
    public async Task AssumeRoleWithWebIdentity_with_a_token_matching_the_trust_conditions_returns_its_subject_audience_and_working_credentials()
    {
        var token = await BuiltInIssuer.MintAsync(emulator, new { subject = "repo:acme/app:ref:refs/heads/main" });
        using var anonymous = Client(new AnonymousAWSCredentials());

        var assumed = await anonymous.AssumeRoleWithWebIdentityAsync(WebIdentity(token));
        using var asRole = Client(Session(assumed.Credentials));
        var identity = await asRole.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        assumed.SubjectFromWebIdentityToken.Should().Be("repo:acme/app:ref:refs/heads/main");
        assumed.Audience.Should().Be("sts.amazonaws.com");
        assumed.AssumedRoleUser.Arn.Should().Be("arn:aws:sts::111111111111:assumed-role/deploy/ci");
        assumed.AssumedRoleUser.AssumedRoleId.Should().MatchRegex("^AROA[A-Z2-7]{17}:ci$");
        assumed.Credentials.Expiration!.Value.ToUniversalTime().Should().BeCloseTo(DateTime.UtcNow.AddHours(1), TimeSpan.FromMinutes(2));
        identity.Arn.Should().Be("arn:aws:sts::111111111111:assumed-role/deploy/ci");
        identity.Account.Should().Be(StsEmulator.AccountA);
    }

    [Fact]
    public async Task AssumeRoleWithWebIdentity_names_the_accounts_OIDC_provider_ARN_as_Provider()
    {
        // AWS documents Provider as the token's iss, but answers with the IAM OIDC provider's ARN
        // (e.g. "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/…" for EKS).
        var token = await BuiltInIssuer.MintAsync(emulator, new { subject = "repo:acme/app" });
        using var anonymous = Client(new AnonymousAWSCredentials());

        var assumed = await anonymous.AssumeRoleWithWebIdentityAsync(WebIdentity(token));

        assumed.Provider.Should().Be(StsEmulator.OidcProviderArn);
    }

    [Fact]
    public async Task A_token_whose_subject_the_trust_policy_does_not_allow_is_AccessDenied()
    {
        var token = await BuiltInIssuer.MintAsync(emulator, new { subject = "repo:evil/app" });
        using var anonymous = Client(new AnonymousAWSCredentials());

        var call = () => anonymous.AssumeRoleWithWebIdentityAsync(WebIdentity(token));

        var error = (await call.Should().ThrowAsync<AmazonSecurityTokenServiceException>()).Which;
        error.ErrorCode.Should().Be("AccessDenied");
        error.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        error.Message.Should().Be("Not authorized to perform sts:AssumeRoleWithWebIdentity");
    }

    [Fact]
    public async Task A_token_for_another_audience_is_InvalidIdentityToken()
    {
        var token = await BuiltInIssuer.MintAsync(emulator, new { subject = "repo:acme/app", audience = "someone-else" });
        using var anonymous = Client(new AnonymousAWSCredentials());

        var call = () => anonymous.AssumeRoleWithWebIdentityAsync(WebIdentity(token));

        var error = (await call.Should().ThrowAsync<InvalidIdentityTokenException>()).Which;
        error.ErrorCode.Should().Be("InvalidIdentityToken");
        error.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.Message.Should().Be("Incorrect token audience");
    }

    [Fact]
    public async Task A_token_past_its_expiry_on_the_emulator_clock_is_ExpiredTokenException()
    {
        var token = await BuiltInIssuer.MintAsync(emulator, new { subject = "repo:acme/app", lifetimeSeconds = 60 });
        using var anonymous = Client(new AnonymousAWSCredentials());

        try
        {
            await emulator.MoveClockAsync("""{"offsetSeconds": 120}""");

            var call = () => anonymous.AssumeRoleWithWebIdentityAsync(WebIdentity(token));

            var error = (await call.Should().ThrowAsync<ExpiredTokenException>()).Which;
            error.ErrorCode.Should().Be("ExpiredTokenException");
            error.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            error.Message.Should().StartWith("Token expired: current date/time ");
        }
        finally
        {
            await emulator.MoveClockAsync("""{"reset": true}""");
        }
    }

    private AmazonSecurityTokenServiceClient Client(AWSCredentials credentials) => new(credentials, new AmazonSecurityTokenServiceConfig
    {
        ServiceURL = emulator.Url,
        AuthenticationRegion = "us-east-1",
        MaxErrorRetry = 0,
    });

    private static SessionAWSCredentials Session(Credentials credentials) =>
        new(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken);

    private static AssumeRoleWithWebIdentityRequest WebIdentity(string token) => new()
    {
        RoleArn = DeployRole, RoleSessionName = "ci", WebIdentityToken = token,
    };
}
