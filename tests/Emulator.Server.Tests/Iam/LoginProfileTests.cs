using System.Net;
using System.Net.Http.Json;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Iam;

/// <summary>Console passwords: login profiles, ChangePassword, and AWS's default password policy (no custom policy set here).</summary>
public sealed class LoginProfileTests : IClassFixture<LoginProfileTests.Factory>
{
    private const string GoodPassword = "Correct-Horse-9";

    private readonly Factory factory;
    private readonly IamTestClient iam;

    public LoginProfileTests(Factory factory)
    {
        this.factory = factory;
        iam = factory.Iam();
    }

    /// <summary>An emulator of its own: these tests rely on the account having no custom password policy.</summary>
    public sealed class Factory() : EmulatorFactory();

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private async Task<string> NewUser(string prefix)
    {
        var name = Unique(prefix);
        (await iam.Call("CreateUser", ("UserName", name))).Status.Should().Be(HttpStatusCode.OK);
        return name;
    }

    /// <summary>A client signed with a new access key of the user, who may call ChangePassword and GetUser.</summary>
    private async Task<IamTestClient> SignedInAs(string userName)
    {
        await iam.Call("PutUserPolicy", ("UserName", userName), ("PolicyName", "self"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:ChangePassword","iam:GetUser","iam:GetLoginProfile"],"Resource":"*"}]}"""));
        var key = await iam.Call("CreateAccessKey", ("UserName", userName));
        return factory.Iam(key.Value("AccessKeyId")!, key.Value("SecretAccessKey")!);
    }

    [Fact]
    public async Task CreateLoginProfile_returns_the_profile_and_GetLoginProfile_shows_it_without_the_password()
    {
        var user = await NewUser("console");

        var created = await iam.Call("CreateLoginProfile", ("UserName", user), ("Password", GoodPassword), ("PasswordResetRequired", "true"));
        var fetched = await iam.Call("GetLoginProfile", ("UserName", user.ToUpperInvariant()));

        created.Status.Should().Be(HttpStatusCode.OK);
        created.Xml.Root!.Name.Should().Be(IamResponse.Iam + "CreateLoginProfileResponse");
        created.Value("UserName").Should().Be(user);
        created.Value("CreateDate").Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
        created.Value("PasswordResetRequired").Should().Be("true");
        created.Body.Should().NotContain(GoodPassword);
        fetched.Status.Should().Be(HttpStatusCode.OK);
        fetched.Value("UserName").Should().Be(user, "names are looked up case-insensitively");
        fetched.Value("CreateDate").Should().Be(created.Value("CreateDate"));
        fetched.Value("PasswordResetRequired").Should().Be("true");
        fetched.Body.Should().NotContain(GoodPassword);
    }

    [Fact]
    public async Task A_second_login_profile_is_EntityAlreadyExists()
    {
        var user = await NewUser("twice");
        await iam.Call("CreateLoginProfile", ("UserName", user), ("Password", GoodPassword));

        var again = await iam.Call("CreateLoginProfile", ("UserName", user), ("Password", GoodPassword));

        again.Status.Should().Be(HttpStatusCode.Conflict);
        again.ErrorCode.Should().Be("EntityAlreadyExists");
        again.ErrorMessage.Should().Be($"Login Profile for user {user} already exists.");
    }

    [Fact]
    public async Task Login_profile_calls_name_the_missing_user_or_the_missing_profile()
    {
        var user = await NewUser("nopass");
        var ghost = Unique("ghost");

        var noUser = await iam.Call("CreateLoginProfile", ("UserName", ghost), ("Password", GoodPassword));
        var get = await iam.Call("GetLoginProfile", ("UserName", user));
        var update = await iam.Call("UpdateLoginProfile", ("UserName", user), ("Password", GoodPassword));
        var delete = await iam.Call("DeleteLoginProfile", ("UserName", user));

        noUser.Status.Should().Be(HttpStatusCode.NotFound);
        noUser.ErrorCode.Should().Be("NoSuchEntity");
        noUser.ErrorMessage.Should().Be($"The user with name {ghost} cannot be found.");
        foreach (var response in new[] { get, update, delete })
        {
            response.Status.Should().Be(HttpStatusCode.NotFound);
            response.ErrorCode.Should().Be("NoSuchEntity");
            response.ErrorMessage.Should().Be($"Login Profile for User {user} cannot be found.");
        }
    }

    [Fact]
    public async Task Without_a_custom_policy_AWSs_default_policy_applies()
    {
        var user = await NewUser("default");

        var tooShort = await iam.Call("CreateLoginProfile", ("UserName", user), ("Password", "Ab1!"));
        var twoKinds = await iam.Call("CreateLoginProfile", ("UserName", user), ("Password", "lowercase-only"));
        var oneKind = await iam.Call("CreateLoginProfile", ("UserName", user), ("Password", "lowercaseonly"));
        var threeKinds = await iam.Call("CreateLoginProfile", ("UserName", user), ("Password", "lowercase-and-9"));

        tooShort.Status.Should().Be(HttpStatusCode.BadRequest);
        tooShort.ErrorCode.Should().Be("PasswordPolicyViolation");
        tooShort.ErrorMessage.Should().Be("Password should have a minimum length of 8");
        twoKinds.ErrorCode.Should().Be("PasswordPolicyViolation");
        twoKinds.ErrorMessage.Should().Be("Password should meet 1 more of the following requirements: Password should have at least one uppercase letter, Password should have at least one number");
        oneKind.ErrorMessage.Should().Be("Password should meet 2 more of the following requirements: Password should have at least one uppercase letter, Password should have at least one number, Password should have at least one symbol");
        threeKinds.Status.Should().Be(HttpStatusCode.OK, "three of the four kinds of character are enough");
    }

    [Fact]
    public async Task A_password_outside_the_model_is_ValidationError_without_echoing_it()
    {
        var user = await NewUser("invalid");

        var missing = await iam.Call("CreateLoginProfile", ("UserName", user));
        var tooLong = await iam.Call("CreateLoginProfile", ("UserName", user), ("Password", new string('A', 129)));
        var control = await iam.Call("UpdateLoginProfile", ("UserName", user), ("Password", "Bad\u0001Password-1"));

        missing.ErrorCode.Should().Be("ValidationError");
        missing.ErrorMessage.Should().Be("1 validation error detected: Value null at 'password' failed to satisfy constraint: Member must not be null");
        tooLong.ErrorMessage.Should().Be("1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length less than or equal to 128");
        control.ErrorCode.Should().Be("ValidationError");
        control.ErrorMessage.Should().Contain("'password'").And.NotContain("Bad");
    }

    [Fact]
    public async Task UpdateLoginProfile_changes_the_password_and_the_reset_flag_and_DeleteLoginProfile_removes_it()
    {
        var user = await NewUser("update");
        await iam.Call("CreateLoginProfile", ("UserName", user), ("Password", GoodPassword));
        var client = await SignedInAs(user);

        var updated = await iam.Call("UpdateLoginProfile", ("UserName", user), ("Password", "Another-Pass-7"), ("PasswordResetRequired", "true"));
        var fetched = await iam.Call("GetLoginProfile", ("UserName", user));
        var oldRefused = await client.Call("ChangePassword", ("OldPassword", GoodPassword), ("NewPassword", "Third-Pass-8"));
        var weak = await iam.Call("UpdateLoginProfile", ("UserName", user), ("Password", "weak"));
        var deleted = await iam.Call("DeleteLoginProfile", ("UserName", user));
        var gone = await iam.Call("GetLoginProfile", ("UserName", user));

        updated.Status.Should().Be(HttpStatusCode.OK);
        fetched.Value("PasswordResetRequired").Should().Be("true");
        oldRefused.ErrorCode.Should().Be("AccessDenied", "the old password was replaced");
        weak.ErrorCode.Should().Be("PasswordPolicyViolation");
        deleted.Status.Should().Be(HttpStatusCode.OK);
        gone.ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task A_user_with_a_password_cannot_be_deleted_and_a_renamed_user_keeps_it()
    {
        var user = await NewUser("keeper");
        var renamed = Unique("renamed");
        await iam.Call("CreateLoginProfile", ("UserName", user), ("Password", GoodPassword));

        var refused = await iam.Call("DeleteUser", ("UserName", user));
        await iam.Call("UpdateUser", ("UserName", user), ("NewUserName", renamed));
        var moved = await iam.Call("GetLoginProfile", ("UserName", renamed));
        await iam.Call("DeleteLoginProfile", ("UserName", renamed));
        var deleted = await iam.Call("DeleteUser", ("UserName", renamed));

        refused.Status.Should().Be(HttpStatusCode.Conflict);
        refused.ErrorCode.Should().Be("DeleteConflict");
        refused.ErrorMessage.Should().Be("Cannot delete entity, must delete login profile first.");
        moved.Value("UserName").Should().Be(renamed);
        deleted.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChangePassword_needs_the_old_password_clears_the_reset_flag_and_records_PasswordLastUsed()
    {
        var user = await NewUser("changer");
        await iam.Call("CreateLoginProfile", ("UserName", user), ("Password", GoodPassword), ("PasswordResetRequired", "true"));
        var client = await SignedInAs(user);
        var before = await client.Call("GetUser");

        var wrongOld = await client.Call("ChangePassword", ("OldPassword", "Not-The-Password-1"), ("NewPassword", "Brand-New-Pass-2"));
        var weakNew = await client.Call("ChangePassword", ("OldPassword", GoodPassword), ("NewPassword", "short"));
        var changed = await client.Call("ChangePassword", ("OldPassword", GoodPassword), ("NewPassword", "Brand-New-Pass-2"));
        var profile = await client.Call("GetLoginProfile");
        var after = await client.Call("GetUser");
        var oldAgain = await client.Call("ChangePassword", ("OldPassword", GoodPassword), ("NewPassword", "Other-New-Pass-3"));
        var newWorks = await client.Call("ChangePassword", ("OldPassword", "Brand-New-Pass-2"), ("NewPassword", "Other-New-Pass-3"));

        before.Element("PasswordLastUsed").Should().BeNull("the password was never used");
        wrongOld.Status.Should().Be(HttpStatusCode.Forbidden);
        wrongOld.ErrorCode.Should().Be("AccessDenied");
        wrongOld.ErrorMessage.Should().Be("The old password is incorrect.");
        weakNew.ErrorCode.Should().Be("PasswordPolicyViolation");
        weakNew.ErrorMessage.Should().Be("Password should have a minimum length of 8");
        changed.Status.Should().Be(HttpStatusCode.OK);
        changed.Xml.Root!.Name.Should().Be(IamResponse.Iam + "ChangePasswordResponse");
        profile.Value("UserName").Should().Be(user, "GetLoginProfile without UserName is about the caller");
        profile.Value("PasswordResetRequired").Should().Be("false");
        after.Value("PasswordLastUsed").Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
        oldAgain.ErrorCode.Should().Be("AccessDenied");
        newWorks.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChangePassword_is_for_IAM_users_with_a_login_profile()
    {
        var user = await NewUser("nologin");
        var client = await SignedInAs(user);

        var root = await iam.Call("ChangePassword", ("OldPassword", GoodPassword), ("NewPassword", "Brand-New-Pass-2"));
        var noProfile = await client.Call("ChangePassword", ("OldPassword", GoodPassword), ("NewPassword", "Brand-New-Pass-2"));
        var missing = await client.Call("ChangePassword", ("NewPassword", "Brand-New-Pass-2"));

        root.Status.Should().Be(HttpStatusCode.BadRequest);
        root.ErrorCode.Should().Be("InvalidUserType");
        root.ErrorMessage.Should().Be("Only IAM users can change their own password.");
        noProfile.ErrorCode.Should().Be("NoSuchEntity");
        noProfile.ErrorMessage.Should().Be($"Login Profile for User {user} cannot be found.");
        missing.ErrorCode.Should().Be("ValidationError");
        missing.ErrorMessage.Should().Contain("'oldPassword'");
    }

    [Fact]
    public async Task ChangePassword_is_authorized_as_iam_ChangePassword_on_the_callers_own_user()
    {
        var user = await NewUser("denied");
        await iam.Call("CreateLoginProfile", ("UserName", user), ("Password", GoodPassword));
        var key = await iam.Call("CreateAccessKey", ("UserName", user));
        var client = factory.Iam(key.Value("AccessKeyId")!, key.Value("SecretAccessKey")!);

        var denied = await client.Call("ChangePassword", ("OldPassword", GoodPassword), ("NewPassword", "Brand-New-Pass-2"));

        denied.Status.Should().Be(HttpStatusCode.Forbidden);
        denied.ErrorCode.Should().Be("AccessDenied");
        denied.ErrorMessage.Should().StartWith($"User: arn:aws:iam::123456789012:user/{user} is not authorized to perform: iam:ChangePassword on resource: arn:aws:iam::123456789012:user/{user}");
    }

    [Fact]
    public async Task Passwords_are_kept_only_as_salted_hashes_and_never_exported()
    {
        var user = await NewUser("hashed");
        const string password = "Very-Distinct-Pass-42";
        await iam.Call("CreateLoginProfile", ("UserName", user), ("Password", password));
        var http = factory.CreateClient();

        var withSecrets = await http.GetStringAsync("/_emulator/state?secrets=true");
        var withoutSecrets = await http.GetStringAsync("/_emulator/state");

        withSecrets.Should().NotContain(password).And.Contain("pbkdf2-sha256$");
        withoutSecrets.Should().NotContain(password).And.NotContain("pbkdf2-sha256$").And.Contain("login-profile");
    }
}
