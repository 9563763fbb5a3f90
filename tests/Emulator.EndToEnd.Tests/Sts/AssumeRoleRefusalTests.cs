using System.Text.Json;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Sts;

/// <summary>
/// What STS refuses, as the CLI and boto3 show it: chained sessions longer than an hour, callers the trust
/// policy does not name, a missing or wrong ExternalId, actions outside a session policy, expired sessions,
/// and IAM calls with GetSessionToken credentials.
/// </summary>
[Collection(StsCliCollection.Name)]
public sealed class AssumeRoleRefusalTests(StsEmulator emulator) : IDisposable
{
    private readonly ScratchDirectory files = new();

    private AwsCli Dev => emulator.Cli(StsEmulator.Dev, files.Path);

    [Fact]
    public async Task Role_chaining_is_capped_at_one_hour_even_when_the_next_role_allows_twelve()
    {
        var prodaccess = AsSession(await AssumeAsDev("prodaccess", "first-hop"));

        var twoHours = await prodaccess.RunAsync("sts", "assume-role", "--role-arn", StsEmulator.RoleArn("chained"),
            "--role-session-name", "second-hop", "--duration-seconds", "7200");
        var oneHour = await prodaccess.RunAsync("sts", "assume-role", "--role-arn", StsEmulator.RoleArn("chained"),
            "--role-session-name", "second-hop", "--duration-seconds", "3600");

        twoHours.ShouldFailWith("ValidationError").Message
            .Should().Be("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        oneHour.ShouldSucceed().Json.Text("AssumedRoleUser", "Arn").Should().Be("arn:aws:sts::111111111111:assumed-role/chained/second-hop");
    }

    [Fact]
    public async Task A_role_whose_trust_policy_names_another_principal_is_AccessDenied_despite_the_callers_own_policy()
    {
        var result = await Dev.RunAsync("sts", "assume-role", "--role-arn", StsEmulator.RoleArn("RoleForB"), "--role-session-name", "intruder");

        result.ShouldFailWith("AccessDenied").Message.Should().StartWith(
            "User: arn:aws:iam::111111111111:user/dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/RoleForB");
    }

    [Fact]
    public async Task A_role_requiring_an_ExternalId_refuses_callers_without_it_or_with_another_one()
    {
        var result = (await emulator.Boto3(StsEmulator.Dev).RunAsync("""
            sts = client("sts")
            role = arg("ROLE")
            emit({
                "without": error_of(sts.assume_role, RoleArn=role, RoleSessionName="vendor"),
                "wrong": error_of(sts.assume_role, RoleArn=role, RoleSessionName="vendor", ExternalId="Other-42"),
                "right": sts.assume_role(RoleArn=role, RoleSessionName="vendor", ExternalId=arg("EXTERNAL_ID"))["AssumedRoleUser"],
            })
            """, new Dictionary<string, string> { ["ROLE"] = StsEmulator.RoleArn("partner"), ["EXTERNAL_ID"] = StsEmulator.PartnerExternalId }))
            .ShouldSucceed().Json;

        const string Denial = "User: arn:aws:iam::111111111111:user/dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/partner";
        foreach (var refused in new[] { result.At("without"), result.At("wrong") })
        {
            refused.Text("Code").Should().Be("AccessDenied");
            refused.At("Status").GetInt32().Should().Be(403);
            refused.Text("Message").Should().StartWith(Denial);
        }

        result.Text("right", "Arn").Should().Be("arn:aws:sts::111111111111:assumed-role/partner/vendor");
    }

    [Fact]
    public async Task A_session_policy_narrows_the_session_to_what_both_it_and_the_role_allow()
    {
        files.Write("only-list-roles.json", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListRoles","Resource":"*"}]}""");
        var assumed = (await Dev.RunAsync("sts", "assume-role", "--role-arn", StsEmulator.RoleArn("prodaccess"),
            "--role-session-name", "narrowed", "--policy", "file://only-list-roles.json")).ShouldSucceed().Json;
        var session = AsSession(assumed);

        var listRoles = await session.RunAsync("iam", "list-roles");
        var getRole = await session.RunAsync("iam", "get-role", "--role-name", "prodaccess");

        assumed.At("PackedPolicySize").GetInt32().Should().BeInRange(1, 100);
        listRoles.ShouldSucceed().Json.Items("Roles").Select(r => r.Text("RoleName")).Should().Contain("prodaccess");
        getRole.ShouldFailWith("AccessDenied").Message.Should().Be(
            "User: arn:aws:sts::111111111111:assumed-role/prodaccess/narrowed is not authorized to perform: iam:GetRole " +
            "on resource: arn:aws:iam::111111111111:role/prodaccess because no session policy allows the iam:GetRole action");
    }

    [Fact]
    public async Task A_session_is_ExpiredToken_once_the_clock_passes_its_expiration()
    {
        var session = AsSession(await AssumeAsDev("prodaccess", "short-lived", "--duration-seconds", "900"));
        (await session.RunAsync("iam", "list-roles")).ShouldSucceed();

        try
        {
            await emulator.MoveClockAsync("""{"offsetSeconds": 901}""");

            var expired = await session.RunAsync("iam", "list-roles");

            expired.ShouldFailWith("ExpiredToken").Message.Should().Be("The security token included in the request is expired");
        }
        finally
        {
            await emulator.MoveClockAsync("""{"reset": true}""");
        }
    }

    [Fact]
    public async Task GetSessionToken_credentials_identify_the_user_but_IAM_refuses_them_as_InvalidClientTokenId()
    {
        var token = (await Dev.RunAsync("sts", "get-session-token", "--duration-seconds", "900")).ShouldSucceed().Json;
        var session = AsSession(token);

        var identity = await session.RunAsync("sts", "get-caller-identity");
        var listUsers = await session.RunAsync("iam", "list-users");

        token.Has("AssumedRoleUser").Should().BeFalse();
        token.Text("Credentials", "AccessKeyId").Should().MatchRegex("^ASIA[A-Z2-7]{16}$");
        DateTimeOffset.Parse(token.Text("Credentials", "Expiration")).Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(15), TimeSpan.FromMinutes(2));
        identity.ShouldSucceed().Json.Text("Arn").Should().Be("arn:aws:iam::111111111111:user/dev");
        listUsers.ShouldFailWith("InvalidClientTokenId").Message.Should().Be("The security token included in the request is invalid.");
    }

    public void Dispose() => files.Dispose();

    private async Task<JsonElement> AssumeAsDev(string role, string sessionName, params string[] extra) =>
        (await Dev.RunAsync(["sts", "assume-role", "--role-arn", StsEmulator.RoleArn(role), "--role-session-name", sessionName, .. extra]))
            .ShouldSucceed().Json;

    /// <summary>The CLI with the keys of an assume-role or get-session-token output exported, as seed 003 does.</summary>
    private AwsCli AsSession(JsonElement output) => emulator.Cli(new AwsCredentials(
        output.Text("Credentials", "AccessKeyId"), output.Text("Credentials", "SecretAccessKey"), output.Text("Credentials", "SessionToken")),
        files.Path);
}
