using System.Net;
using System.Net.Http.Json;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Iam;

/// <summary>The account password policy: its members and ranges, and how it governs new passwords, reuse and expiry.</summary>
public sealed class PasswordPolicyTests : IClassFixture<PasswordPolicyTests.Factory>, IAsyncLifetime
{
    private readonly Factory factory;
    private readonly IamTestClient iam;

    public PasswordPolicyTests(Factory factory)
    {
        this.factory = factory;
        iam = factory.Iam();
    }

    /// <summary>An emulator of its own: the policy is account-wide state.</summary>
    public sealed class Factory() : EmulatorFactory();

    // Every test starts without a custom policy and with the clock where it belongs.
    public async Task InitializeAsync()
    {
        await iam.Call("DeleteAccountPasswordPolicy");
        await factory.CreateClient().PostAsJsonAsync("/_emulator/clock", new { reset = true });
    }

    public async Task DisposeAsync() => await factory.CreateClient().PostAsJsonAsync("/_emulator/clock", new { reset = true });

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private async Task<(string User, IamTestClient Client)> UserWithPassword(string password)
    {
        var user = Unique("pp");
        await iam.Call("CreateUser", ("UserName", user));
        (await iam.Call("CreateLoginProfile", ("UserName", user), ("Password", password))).Status.Should().Be(HttpStatusCode.OK);
        await iam.Call("PutUserPolicy", ("UserName", user), ("PolicyName", "self"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ChangePassword","Resource":"*"}]}"""));
        var key = await iam.Call("CreateAccessKey", ("UserName", user));
        return (user, factory.Iam(key.Value("AccessKeyId")!, key.Value("SecretAccessKey")!));
    }

    [Fact]
    public async Task Without_a_policy_Get_and_Delete_are_NoSuchEntity_naming_the_account()
    {
        var get = await iam.Call("GetAccountPasswordPolicy");
        var delete = await iam.Call("DeleteAccountPasswordPolicy");

        foreach (var response in new[] { get, delete })
        {
            response.Status.Should().Be(HttpStatusCode.NotFound);
            response.ErrorCode.Should().Be("NoSuchEntity");
            response.ErrorMessage.Should().Be("The Password Policy with domain name 123456789012 cannot be found.");
        }
    }

    [Fact]
    public async Task An_empty_update_sets_every_member_to_its_default()
    {
        var updated = await iam.Call("UpdateAccountPasswordPolicy");
        var policy = await iam.Call("GetAccountPasswordPolicy");

        updated.Status.Should().Be(HttpStatusCode.OK);
        policy.Status.Should().Be(HttpStatusCode.OK);
        policy.Value("MinimumPasswordLength").Should().Be("8");
        foreach (var member in new[] { "RequireSymbols", "RequireNumbers", "RequireUppercaseCharacters", "RequireLowercaseCharacters", "AllowUsersToChangePassword", "ExpirePasswords" })
        {
            policy.Value(member).Should().Be("false", member);
        }

        policy.Element("MaxPasswordAge").Should().BeNull();
        policy.Element("PasswordReusePrevention").Should().BeNull();
        policy.Element("HardExpiry").Should().BeNull();
    }

    [Fact]
    public async Task Every_member_is_kept_and_an_update_replaces_the_whole_policy()
    {
        await iam.Call("UpdateAccountPasswordPolicy", ("MinimumPasswordLength", "14"), ("RequireSymbols", "true"), ("RequireNumbers", "true"),
            ("RequireUppercaseCharacters", "true"), ("RequireLowercaseCharacters", "true"), ("AllowUsersToChangePassword", "true"),
            ("MaxPasswordAge", "90"), ("PasswordReusePrevention", "24"), ("HardExpiry", "true"));
        var full = await iam.Call("GetAccountPasswordPolicy");
        await iam.Call("UpdateAccountPasswordPolicy", ("RequireNumbers", "true"));
        var replaced = await iam.Call("GetAccountPasswordPolicy");
        var deleted = await iam.Call("DeleteAccountPasswordPolicy");
        var gone = await iam.Call("GetAccountPasswordPolicy");

        full.Value("MinimumPasswordLength").Should().Be("14");
        full.Value("RequireSymbols").Should().Be("true");
        full.Value("RequireNumbers").Should().Be("true");
        full.Value("RequireUppercaseCharacters").Should().Be("true");
        full.Value("RequireLowercaseCharacters").Should().Be("true");
        full.Value("AllowUsersToChangePassword").Should().Be("true");
        full.Value("ExpirePasswords").Should().Be("true");
        full.Value("MaxPasswordAge").Should().Be("90");
        full.Value("PasswordReusePrevention").Should().Be("24");
        full.Value("HardExpiry").Should().Be("true");
        replaced.Value("MinimumPasswordLength").Should().Be("8");
        replaced.Value("RequireNumbers").Should().Be("true");
        replaced.Value("RequireSymbols").Should().Be("false");
        replaced.Element("MaxPasswordAge").Should().BeNull();
        deleted.Status.Should().Be(HttpStatusCode.OK);
        gone.ErrorCode.Should().Be("NoSuchEntity");
    }

    [Theory]
    [InlineData("MinimumPasswordLength", "5", "minimumPasswordLength", "Member must have value greater than or equal to 6")]
    [InlineData("MinimumPasswordLength", "129", "minimumPasswordLength", "Member must have value less than or equal to 128")]
    [InlineData("MaxPasswordAge", "0", "maxPasswordAge", "Member must have value greater than or equal to 1")]
    [InlineData("MaxPasswordAge", "1096", "maxPasswordAge", "Member must have value less than or equal to 1095")]
    [InlineData("PasswordReusePrevention", "0", "passwordReusePrevention", "Member must have value greater than or equal to 1")]
    [InlineData("PasswordReusePrevention", "25", "passwordReusePrevention", "Member must have value less than or equal to 24")]
    public async Task A_member_outside_the_models_range_is_ValidationError(string parameter, string value, string member, string constraint)
    {
        var response = await iam.Call("UpdateAccountPasswordPolicy", (parameter, value));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("ValidationError");
        response.ErrorMessage.Should().Be($"1 validation error detected: Value at '{member}' failed to satisfy constraint: {constraint}");
        (await iam.Call("GetAccountPasswordPolicy")).ErrorCode.Should().Be("NoSuchEntity", "a refused update sets nothing");
    }

    [Fact]
    public async Task A_custom_policy_governs_new_passwords()
    {
        await iam.Call("UpdateAccountPasswordPolicy", ("MinimumPasswordLength", "12"), ("RequireSymbols", "true"), ("RequireNumbers", "true"));
        var user = Unique("strict");
        await iam.Call("CreateUser", ("UserName", user));

        var noSymbol = await iam.Call("CreateLoginProfile", ("UserName", user), ("Password", "Abcdefghijk12"));
        var tooShort = await iam.Call("CreateLoginProfile", ("UserName", user), ("Password", "Ab1!"));
        var good = await iam.Call("CreateLoginProfile", ("UserName", user), ("Password", "abcdefghij1!"));

        noSymbol.Status.Should().Be(HttpStatusCode.BadRequest);
        noSymbol.ErrorCode.Should().Be("PasswordPolicyViolation");
        noSymbol.ErrorMessage.Should().Be("Password does not conform to the account password policy.");
        tooShort.ErrorCode.Should().Be("PasswordPolicyViolation");
        good.Status.Should().Be(HttpStatusCode.OK, "a custom policy replaces the default three-of-four rule");
    }

    [Fact]
    public async Task Reuse_prevention_refuses_recent_passwords_in_ChangePassword_and_UpdateLoginProfile()
    {
        await iam.Call("UpdateAccountPasswordPolicy", ("PasswordReusePrevention", "2"));
        var (user, client) = await UserWithPassword("First-Pass-01");

        var same = await client.Call("ChangePassword", ("OldPassword", "First-Pass-01"), ("NewPassword", "First-Pass-01"));
        var second = await client.Call("ChangePassword", ("OldPassword", "First-Pass-01"), ("NewPassword", "Second-Pass-02"));
        var backToFirst = await iam.Call("UpdateLoginProfile", ("UserName", user), ("Password", "First-Pass-01"));
        var third = await iam.Call("UpdateLoginProfile", ("UserName", user), ("Password", "Third-Pass-03"));
        var firstAgain = await client.Call("ChangePassword", ("OldPassword", "Third-Pass-03"), ("NewPassword", "First-Pass-01"));

        same.ErrorCode.Should().Be("PasswordPolicyViolation");
        same.ErrorMessage.Should().Be("Password does not conform to the account password policy.");
        second.Status.Should().Be(HttpStatusCode.OK);
        backToFirst.ErrorCode.Should().Be("PasswordPolicyViolation", "the first password is one of the last two");
        third.Status.Should().Be(HttpStatusCode.OK);
        firstAgain.Status.Should().Be(HttpStatusCode.OK, "two changes later the first password may come back");
    }

    [Fact]
    public async Task An_expired_password_must_be_reset_and_HardExpiry_leaves_that_to_an_administrator()
    {
        await iam.Call("UpdateAccountPasswordPolicy", ("MaxPasswordAge", "30"), ("HardExpiry", "true"));
        var (user, client) = await UserWithPassword("Before-Expiry-1");
        var fresh = await iam.Call("GetLoginProfile", ("UserName", user));
        var http = factory.CreateClient();

        await http.PostAsJsonAsync("/_emulator/clock", new { offsetSeconds = 31 * 86400 });
        var expired = await iam.Call("GetLoginProfile", ("UserName", user));
        var refused = await client.Call("ChangePassword", ("OldPassword", "Before-Expiry-1"), ("NewPassword", "After-Expiry-2"));
        var reset = await iam.Call("UpdateLoginProfile", ("UserName", user), ("Password", "Admin-Reset-3"));
        var afterReset = await iam.Call("GetLoginProfile", ("UserName", user));

        fresh.Value("PasswordResetRequired").Should().Be("false");
        expired.Value("PasswordResetRequired").Should().Be("true", "a password older than MaxPasswordAge must be changed at the next sign-in");
        refused.Status.Should().Be(HttpStatusCode.Forbidden);
        refused.ErrorCode.Should().Be("AccessDenied");
        refused.ErrorMessage.Should().Be("The password has expired and the account password policy requires an administrator to reset it.");
        reset.Status.Should().Be(HttpStatusCode.OK);
        afterReset.Value("PasswordResetRequired").Should().Be("false", "a new password starts a new age");
    }
}
