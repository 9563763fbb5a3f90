using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Sts;

public sealed class AssumeRoleTests : IClassFixture<AssumeRoleTests.Factory>
{
    private readonly Factory factory;

    public AssumeRoleTests(Factory factory) => this.factory = factory;

    public sealed class Factory() : EmulatorFactory(StsSeed.Json);

    private IamTestClient Dev => factory.Iam("AKIADEV0000000000001", "dev-secret").For("sts");

    private Task<IamResponse> Assume(IamTestClient sts, string role, params (string, string)[] extra) =>
        sts.Call("AssumeRole", [("RoleArn", $"arn:aws:iam::{StsSeed.AccountA}:role/{role}"), ("RoleSessionName", "s1"), .. extra]);

    [Fact]
    public async Task AssumeRole_returns_temporary_credentials_and_the_assumed_role_user()
    {
        var response = await Assume(Dev, "abcd");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Xml.Root!.Name.Should().Be(IamResponse.Sts + "AssumeRoleResponse");
        response.Value("AccessKeyId").Should().MatchRegex("^ASIA[A-Z2-7]{16}$");
        response.Value("SecretAccessKey").Should().HaveLength(40);
        response.Value("SessionToken").Should().NotBeNullOrEmpty();
        DateTimeOffset.Parse(response.Value("Expiration")!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeCloseTo(DateTimeOffset.UtcNow.AddHours(1), TimeSpan.FromMinutes(1));
        response.Value("Arn").Should().Be("arn:aws:sts::111111111111:assumed-role/abcd/s1");
        response.Value("AssumedRoleId").Should().MatchRegex("^AROA[A-Z2-7]{17}:s1$");
        response.Element("PackedPolicySize").Should().BeNull("no session policy or tags were passed");
    }

    [Fact]
    public async Task GetCallerIdentity_describes_roots_users_and_role_sessions()
    {
        var root = await factory.Iam("AKIAROOTA00000000001", "root-a").For("sts").Call("GetCallerIdentity");
        var user = await Dev.Call("GetCallerIdentity");
        var session = await Dev.WithCredentials(await Assume(Dev, "abcd"), "sts").Call("GetCallerIdentity");

        root.Value("Arn").Should().Be("arn:aws:iam::111111111111:root");
        root.Value("UserId").Should().Be("111111111111");
        user.Value("Arn").Should().Be("arn:aws:iam::111111111111:user/dev");
        user.Value("UserId").Should().MatchRegex("^AIDA");
        session.Value("Arn").Should().Be("arn:aws:sts::111111111111:assumed-role/abcd/s1");
        session.Value("UserId").Should().MatchRegex("^AROA[A-Z2-7]{17}:s1$");
        session.Value("Account").Should().Be("111111111111");
    }

    // The RoleArns and answers AWS gave (recorded responses): each malformed ARN is long enough for the model's
    // length check, so it is STS's own ARN parse that refuses it.
    [Theory]
    [InlineData("nothing-valid-in-here")]
    [InlineData("arn::b:::something/test-role")]
    [InlineData("arn:a::::something/test-role")]
    [InlineData("arn:a:::something/test-role")]
    [InlineData("arn:a:a::aaaaaaaaaa:")]
    public async Task A_malformed_RoleArn_is_ValidationError_is_invalid_before_any_trust_check(string roleArn)
    {
        var response = await Dev.Call("AssumeRole", ("RoleArn", roleArn), ("RoleSessionName", "Session1"));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("ValidationError");
        response.ErrorMessage.Should().Be($"{roleArn} is invalid");
        response.ErrorType.Should().Be("Sender");
    }

    [Fact]
    public async Task Session_tag_keys_differing_only_in_case_are_InvalidParameterValue_on_AssumeRole_and_GetFederationToken()
    {
        (string, string)[] tags = [("Tags.member.1.Key", "Team"), ("Tags.member.1.Value", "a"), ("Tags.member.2.Key", "team"), ("Tags.member.2.Value", "b")];

        var assumed = await Assume(Dev, "abcd", tags);
        var federated = await factory.Iam("AKIAROOTA00000000001", "root-a").For("sts").Call("GetFederationToken", [("Name", "fed"), .. tags]);

        foreach (var response in new[] { assumed, federated })
        {
            response.Status.Should().Be(HttpStatusCode.BadRequest);
            response.ErrorCode.Should().Be("InvalidParameterValue");
            response.ErrorMessage.Should().Be("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
        }
    }

    [Fact]
    public async Task GetFederationToken_without_policies_or_tags_answers_PackedPolicySize_0_where_AssumeRole_omits_it()
    {
        var federated = await factory.Iam("AKIAROOTA00000000001", "root-a").For("sts").Call("GetFederationToken", ("Name", "plain"), ("DurationSeconds", "900"));
        var assumed = await Assume(Dev, "abcd");

        federated.Status.Should().Be(HttpStatusCode.OK);
        federated.Value("PackedPolicySize").Should().Be("0");
        federated.Value("FederatedUserId").Should().Be("111111111111:plain");
        assumed.Element("PackedPolicySize").Should().BeNull();
    }

    [Fact]
    public async Task A_well_formed_ARN_that_names_no_role_passes_the_parse_and_is_AccessDenied()
    {
        var response = await Dev.Call("AssumeRole", ("RoleArn", "arn:a:b:::something/test-role"), ("RoleSessionName", "Session1"));

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.ErrorCode.Should().Be("AccessDenied");
    }

    [Fact]
    public async Task A_bad_session_name_with_a_well_formed_ARN_is_the_model_ValidationError()
    {
        var response = await Dev.Call("AssumeRole", ("RoleArn", "arn:a:b:::something/test-role"), ("RoleSessionName", "Session1:2"));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorMessage.Should().Be(
            "1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
    }

    [Theory]
    [InlineData("899", "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900")]
    [InlineData("43201", "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200")]
    public async Task Durations_outside_900_to_43200_are_ValidationError(string duration, string message)
    {
        var response = await Assume(Dev, "abcd", ("DurationSeconds", duration));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("ValidationError");
        response.ErrorMessage.Should().Be(message);
    }

    [Fact]
    public async Task A_duration_beyond_the_roles_maximum_is_refused_and_twelve_hours_is_allowed_when_the_role_allows_it()
    {
        var beyond = await Assume(Dev, "partner", ("DurationSeconds", "7200"), ("ExternalId", "Unique-42"));
        var twelveHours = await Assume(Dev, "abcd", ("DurationSeconds", "43200"));

        beyond.ErrorCode.Should().Be("ValidationError");
        beyond.ErrorMessage.Should().Be("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        twelveHours.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Role_chaining_is_capped_at_one_hour_even_when_the_role_allows_more()
    {
        var first = Dev.WithCredentials(await Assume(Dev, "abcd"), "sts");

        var tooLong = await first.Call("AssumeRole", ("RoleArn", "arn:aws:iam::111111111111:role/team-web"), ("RoleSessionName", "hop"), ("DurationSeconds", "7200"));
        var oneHour = await first.Call("AssumeRole", ("RoleArn", "arn:aws:iam::111111111111:role/team-web"), ("RoleSessionName", "hop"), ("DurationSeconds", "3600"));

        tooLong.ErrorCode.Should().Be("ValidationError");
        tooLong.ErrorMessage.Should().Be("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        oneHour.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_trust_policy_that_names_another_principal_denies()
    {
        var stranger = factory.Iam("AKIASTRANGER00000001", "stranger-secret").For("sts");

        var response = await Assume(stranger, "abcd");
        var missingRole = await Assume(stranger, "no-such-role");

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.ErrorCode.Should().Be("AccessDenied");
        response.ErrorMessage.Should().StartWith("User: arn:aws:iam::111111111111:user/stranger is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/abcd");
        missingRole.ErrorCode.Should().Be("AccessDenied", "a missing role must not be distinguishable from an untrusting one");
    }

    [Fact]
    public async Task The_root_of_an_account_cannot_assume_roles()
    {
        var response = await Assume(factory.Iam("AKIAROOTA00000000001", "root-a").For("sts"), "abcd");

        response.ErrorCode.Should().Be("AccessDenied");
        response.ErrorMessage.Should().Be("Roles may not be assumed by root accounts.");
    }

    [Fact]
    public async Task ExternalId_is_required_and_checked_through_the_trust_policy_condition()
    {
        var without = await Assume(Dev, "partner");
        var wrong = await Assume(Dev, "partner", ("ExternalId", "Other-42"));
        var right = await Assume(Dev, "partner", ("ExternalId", "Unique-42"));

        without.ErrorCode.Should().Be("AccessDenied");
        wrong.ErrorCode.Should().Be("AccessDenied");
        right.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_session_policy_narrows_the_roles_permissions()
    {
        const string onlyListRoles = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListRoles","Resource":"*"}]}""";
        var assumed = await Assume(Dev, "abcd", ("Policy", onlyListRoles));
        var iam = Dev.WithCredentials(assumed);

        var listRoles = await iam.Call("ListRoles");
        var listUsers = await iam.Call("ListUsers");

        assumed.Value("PackedPolicySize").Should().MatchRegex(@"^\d+$");
        listRoles.Status.Should().Be(HttpStatusCode.OK);
        listUsers.ErrorCode.Should().Be("AccessDenied");
        listUsers.ErrorMessage.Should().Be("User: arn:aws:sts::111111111111:assumed-role/abcd/s1 is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::111111111111:user/ because no session policy allows the iam:ListUsers action");
    }

    [Fact]
    public async Task A_malformed_session_policy_is_MalformedPolicyDocument()
    {
        var response = await Assume(Dev, "abcd", ("Policy", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListRoles"}]}"""));

        response.ErrorCode.Should().Be("MalformedPolicyDocument");
    }

    [Fact]
    public async Task Session_tags_beyond_the_packed_budget_are_PackedPolicyTooLarge()
    {
        var random = new Random(7);
        var tags = Enumerable.Range(1, 50).SelectMany(i => new[]
        {
            ($"Tags.member.{i}.Key", $"k{i}"),
            ($"Tags.member.{i}.Value", new string(Enumerable.Range(0, 256).Select(_ => (char)('a' + random.Next(26))).ToArray())),
        }).ToArray();

        var response = await Assume(Dev, "abcd", tags);

        response.ErrorCode.Should().Be("PackedPolicyTooLarge");
        response.ErrorMessage.Should().MatchRegex(@"^Packed policy consumes \d+% of allotted space, please use smaller policy\.$");
    }

    [Fact]
    public async Task Cross_account_needs_the_trust_policy_and_the_callers_own_identity_policy()
    {
        // Seed 000: abcd (account A) may switch to efgh (account B): efgh trusts abcd, abcd's policy allows sts:AssumeRole.
        var abcd = Dev.WithCredentials(await Assume(Dev, "abcd"), "sts");
        var efgh = await abcd.Call("AssumeRole", ("RoleArn", "arn:aws:iam::222222222222:role/efgh"), ("RoleSessionName", "cross"));
        var asEfgh = abcd.WithCredentials(efgh, "sts");
        var identity = await asEfgh.Call("GetCallerIdentity");

        var idle = factory.Iam("AKIAIDLE000000000001", "idle-secret").For("sts");
        var idleDenied = await idle.Call("AssumeRole", ("RoleArn", "arn:aws:iam::222222222222:role/efgh"), ("RoleSessionName", "xx"));

        efgh.Status.Should().Be(HttpStatusCode.OK);
        identity.Value("Arn").Should().Be("arn:aws:sts::222222222222:assumed-role/efgh/cross");
        identity.Value("Account").Should().Be("222222222222");
        idleDenied.ErrorCode.Should().Be("AccessDenied");
    }

    [Fact]
    public async Task An_expired_session_is_ExpiredToken_after_the_clock_moves()
    {
        var iam = Dev.WithCredentials(await Assume(Dev, "abcd", ("DurationSeconds", "900")));
        var before = await iam.Call("ListRoles");
        var http = factory.CreateClient();

        await http.PostAsJsonAsync("/_emulator/clock", new { offsetSeconds = 901 });
        var after = await iam.Call("ListRoles");
        await http.PostAsJsonAsync("/_emulator/clock", new { reset = true });

        before.Status.Should().Be(HttpStatusCode.OK);
        after.Status.Should().Be(HttpStatusCode.Forbidden);
        after.ErrorCode.Should().Be("ExpiredToken");
        after.ErrorMessage.Should().Be("The security token included in the request is expired");
    }

    [Fact]
    public async Task A_tampered_or_missing_session_token_is_InvalidClientTokenId()
    {
        var assumed = await Assume(Dev, "abcd");
        var token = assumed.Value("SessionToken")!;
        var tampered = token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA");

        var withTampered = await new IamTestClient(factory.CreateClient(), assumed.Value("AccessKeyId")!, assumed.Value("SecretAccessKey")!) { SessionToken = tampered }.Call("ListRoles");
        var withoutToken = await new IamTestClient(factory.CreateClient(), assumed.Value("AccessKeyId")!, assumed.Value("SecretAccessKey")!).Call("ListRoles");
        var otherKey = await new IamTestClient(factory.CreateClient(), "ASIAAAAAAAAAAAAAAAAA", assumed.Value("SecretAccessKey")!) { SessionToken = token }.Call("ListRoles");
        var wrongSecret = await new IamTestClient(factory.CreateClient(), assumed.Value("AccessKeyId")!, "wrong") { SessionToken = token }.Call("ListRoles");

        withTampered.ErrorCode.Should().Be("InvalidClientTokenId");
        withoutToken.ErrorCode.Should().Be("InvalidClientTokenId");
        otherKey.ErrorCode.Should().Be("InvalidClientTokenId");
        wrongSecret.ErrorCode.Should().Be("SignatureDoesNotMatch");
    }

    [Fact]
    public async Task Source_identity_is_set_once_and_carried_along_the_chain()
    {
        var first = await Assume(Dev, "abcd", ("SourceIdentity", "alice"));
        var chained = Dev.WithCredentials(first, "sts");
        var carried = await chained.Call("AssumeRole", ("RoleArn", "arn:aws:iam::111111111111:role/team-web"), ("RoleSessionName", "hop"));
        var changed = await chained.Call("AssumeRole", ("RoleArn", "arn:aws:iam::111111111111:role/team-web"), ("RoleSessionName", "hop"), ("SourceIdentity", "mallory"));

        first.Value("SourceIdentity").Should().Be("alice");
        carried.Value("SourceIdentity").Should().Be("alice");
        changed.ErrorCode.Should().Be("AccessDenied");
    }

    [Fact]
    public async Task Transitive_session_tags_reach_the_next_session_as_principal_tags()
    {
        var first = await Assume(Dev, "abcd", ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "web"), ("TransitiveTagKeys.member.1", "team"));
        var second = await Dev.WithCredentials(first, "sts").Call("AssumeRole", ("RoleArn", "arn:aws:iam::111111111111:role/team-web"), ("RoleSessionName", "hop"));
        var iam = Dev.WithCredentials(second);

        var ownTeam = await iam.Call("GetRole", ("RoleName", "team-web"));
        var overridden = await Dev.WithCredentials(first, "sts").Call("AssumeRole", ("RoleArn", "arn:aws:iam::111111111111:role/team-web"), ("RoleSessionName", "hop"),
            ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "db"));
        var overriddenInOtherCase = await Dev.WithCredentials(first, "sts").Call("AssumeRole", ("RoleArn", "arn:aws:iam::111111111111:role/team-web"), ("RoleSessionName", "hop"),
            ("Tags.member.1.Key", "TEAM"), ("Tags.member.1.Value", "db"));

        first.Value("PackedPolicySize").Should().NotBeNull();
        ownTeam.Status.Should().Be(HttpStatusCode.OK, "aws:PrincipalTag/team resolves from the transitive tag");

        // AWS's recorded answer, the same whatever the case of the key.
        foreach (var response in new[] { overridden, overriddenInOtherCase })
        {
            response.Status.Should().Be(HttpStatusCode.BadRequest, "a transitive key cannot be set again down the chain");
            response.ErrorCode.Should().Be("InvalidParameterValue");
            response.ErrorMessage.Should().Be("One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.");
        }
    }

    [Fact]
    public async Task A_transitive_key_that_is_not_a_passed_tag_is_refused()
    {
        var response = await Assume(Dev, "abcd", ("TransitiveTagKeys.member.1", "team"));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("InvalidParameterValue");
        response.ErrorMessage.Should().Be("The specified transitive tag key must be included in the requested tags.");
    }

    [Fact]
    public async Task GetSessionToken_credentials_cannot_call_IAM_without_MFA_but_can_call_GetCallerIdentity()
    {
        var token = await Dev.Call("GetSessionToken", ("DurationSeconds", "900"));
        var sts = Dev.WithCredentials(token, "sts");

        var identity = await sts.Call("GetCallerIdentity");
        var iam = await Dev.WithCredentials(token).Call("ListRoles");
        var again = await sts.Call("GetSessionToken");

        token.Element("AssumedRoleUser").Should().BeNull();
        identity.Value("Arn").Should().Be("arn:aws:iam::111111111111:user/dev");
        iam.ErrorCode.Should().Be("InvalidClientTokenId");
        again.ErrorCode.Should().Be("AccessDenied");
        again.ErrorMessage.Should().Be("Cannot call GetSessionToken with session credentials");
    }

    [Fact]
    public async Task GetAccessKeyInfo_names_the_account_of_a_temporary_key_from_another_account()
    {
        var abcd = Dev.WithCredentials(await Assume(Dev, "abcd"), "sts");
        var efgh = await abcd.Call("AssumeRole", ("RoleArn", "arn:aws:iam::222222222222:role/efgh"), ("RoleSessionName", "cross"));

        var info = await Dev.Call("GetAccessKeyInfo", ("AccessKeyId", efgh.Value("AccessKeyId")!));
        var longTerm = await Dev.Call("GetAccessKeyInfo", ("AccessKeyId", "AKIAOPS0000000000001"));

        info.Value("Account").Should().Be("222222222222");
        longTerm.Value("Account").Should().Be("222222222222");
    }

    [Fact]
    public async Task A_second_emulator_with_the_same_session_key_accepts_the_first_ones_tokens()
    {
        var key = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        using var first = new KeyedFactory(key);
        using var second = new KeyedFactory(key);
        using var other = new KeyedFactory(Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()));
        var assumed = await first.Iam("AKIADEV0000000000001", "dev-secret").For("sts").Call("AssumeRole",
            ("RoleArn", "arn:aws:iam::111111111111:role/abcd"), ("RoleSessionName", "shared"));

        var onSecond = await second.Iam("AKIADEV0000000000001", "dev-secret").WithCredentials(assumed, "sts").Call("GetCallerIdentity");
        var onOther = await other.Iam("AKIADEV0000000000001", "dev-secret").WithCredentials(assumed, "sts").Call("GetCallerIdentity");

        onSecond.Value("Arn").Should().Be("arn:aws:sts::111111111111:assumed-role/abcd/shared");
        onOther.ErrorCode.Should().Be("InvalidClientTokenId");
    }

    private sealed class KeyedFactory(string key) : EmulatorFactory(StsSeed.Json)
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("session-key", key);
        }
    }
}
