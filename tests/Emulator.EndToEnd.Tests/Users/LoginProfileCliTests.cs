using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Users;

/// <summary>Console passwords through the AWS CLI: create-login-profile, change-password and the account password policy, with their errors.</summary>
[Collection(CliWorkflowCollection.Name)]
public sealed class LoginProfileCliTests(DefaultEmulator emulator)
{
    [Fact]
    public async Task Login_profile_change_password_and_password_policy_errors_read_as_AWSs()
    {
        var aws = emulator.Cli();
        var user = UniqueName.For("console");
        await aws.RunAsync("iam", "delete-account-password-policy");
        (await aws.RunAsync("iam", "create-user", "--user-name", user)).ShouldSucceed();
        (await aws.RunAsync("iam", "put-user-policy", "--user-name", user, "--policy-name", "self", "--policy-document",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ChangePassword","Resource":"*"}]}""")).ShouldSucceed();
        var key = (await aws.RunAsync("iam", "create-access-key", "--user-name", user)).ShouldSucceed().Json.GetProperty("AccessKey");
        var asUser = aws.As(new AwsCredentials(key.GetProperty("AccessKeyId").GetString()!, key.GetProperty("SecretAccessKey").GetString()!));

        var noPolicy = (await aws.RunAsync("iam", "get-account-password-policy")).ShouldFailWith("NoSuchEntity");
        var weak = (await aws.RunAsync("iam", "create-login-profile", "--user-name", user, "--password", "short")).ShouldFailWith("PasswordPolicyViolation");
        var created = (await aws.RunAsync("iam", "create-login-profile", "--user-name", user, "--password", "Start-Pass-01", "--password-reset-required")).ShouldSucceed().Json;
        var duplicate = (await aws.RunAsync("iam", "create-login-profile", "--user-name", user, "--password", "Start-Pass-01")).ShouldFailWith("EntityAlreadyExists");
        var wrongOld = (await asUser.RunAsync("iam", "change-password", "--old-password", "Not-It-0000", "--new-password", "Next-Pass-02")).ShouldFailWith("AccessDenied");
        (await asUser.RunAsync("iam", "change-password", "--old-password", "Start-Pass-01", "--new-password", "Next-Pass-02")).ShouldSucceed();
        var profile = (await aws.RunAsync("iam", "get-login-profile", "--user-name", user)).ShouldSucceed().Json.GetProperty("LoginProfile");
        (await aws.RunAsync("iam", "update-account-password-policy", "--minimum-password-length", "16", "--require-symbols", "--password-reuse-prevention", "3")).ShouldSucceed();
        var policy = (await aws.RunAsync("iam", "get-account-password-policy")).ShouldSucceed().Json.GetProperty("PasswordPolicy");
        var tooShort = (await asUser.RunAsync("iam", "change-password", "--old-password", "Next-Pass-02", "--new-password", "Third-Pass-03")).ShouldFailWith("PasswordPolicyViolation");
        var outOfRange = (await aws.RunAsync("iam", "update-account-password-policy", "--max-password-age", "1096")).ShouldFailWith("ValidationError");
        (await aws.RunAsync("iam", "delete-account-password-policy")).ShouldSucceed();

        noPolicy.Message.Should().Be("The Password Policy with domain name 123456789012 cannot be found.");
        weak.Message.Should().Be("Password should have a minimum length of 8");
        created.GetProperty("LoginProfile").GetProperty("UserName").GetString().Should().Be(user);
        created.GetProperty("LoginProfile").GetProperty("PasswordResetRequired").GetBoolean().Should().BeTrue();
        duplicate.Message.Should().Be($"Login Profile for user {user} already exists.");
        wrongOld.Operation.Should().Be("ChangePassword");
        profile.GetProperty("PasswordResetRequired").GetBoolean().Should().BeFalse("changing the password clears the reset requirement");
        policy.GetProperty("MinimumPasswordLength").GetInt32().Should().Be(16);
        policy.GetProperty("RequireSymbols").GetBoolean().Should().BeTrue();
        policy.GetProperty("PasswordReusePrevention").GetInt32().Should().Be(3);
        policy.GetProperty("ExpirePasswords").GetBoolean().Should().BeFalse();
        tooShort.Message.Should().Be("Password does not conform to the account password policy.");
        outOfRange.Message.Should().Be("1 validation error detected: Value at 'maxPasswordAge' failed to satisfy constraint: Member must have value less than or equal to 1095");
    }
}
