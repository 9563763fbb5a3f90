using System.Net;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.State;

/// <summary>Passwords, the password policy and MFA devices are state: they survive a restart on --state sqlite: and still work.</summary>
public sealed class CredentialStateTests
{
    [Fact]
    public async Task A_password_policy_login_profile_and_enabled_MFA_device_survive_a_restart_on_sqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"emulator-mfa-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string> { ["state"] = $"sqlite:{path}" };
        string keyId, secret, serial, seed;
        try
        {
            using (var first = new EmulatorFactory(settings: settings))
            {
                var iam = first.Iam();
                await iam.Call("UpdateAccountPasswordPolicy", ("MinimumPasswordLength", "10"), ("PasswordReusePrevention", "1"));
                await iam.Call("CreateUser", ("UserName", "kept"));
                (await iam.Call("CreateLoginProfile", ("UserName", "kept"), ("Password", "Kept-Password-1"))).Status.Should().Be(HttpStatusCode.OK);
                await iam.Call("PutUserPolicy", ("UserName", "kept"), ("PolicyName", "self"),
                    ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ChangePassword","Resource":"*"}]}"""));
                var key = await iam.Call("CreateAccessKey", ("UserName", "kept"));
                (keyId, secret) = (key.Value("AccessKeyId")!, key.Value("SecretAccessKey")!);
                var created = await iam.Call("CreateVirtualMFADevice", ("VirtualMFADeviceName", "kept-phone"));
                (serial, seed) = (created.Value("SerialNumber")!, TestTotp.SeedOf(created));
                var step = TestTotp.StepAt(await TestTotp.EmulatorNow(first.CreateClient()));
                (await iam.Call("EnableMFADevice", ("UserName", "kept"), ("SerialNumber", serial),
                    ("AuthenticationCode1", TestTotp.Code(seed, step)), ("AuthenticationCode2", TestTotp.Code(seed, step + 1)))).Status.Should().Be(HttpStatusCode.OK);
            }

            using var second = new EmulatorFactory(settings: settings);
            var root = second.Iam();
            var user = second.Iam(keyId, secret);
            var policy = await root.Call("GetAccountPasswordPolicy");
            var reused = await user.Call("ChangePassword", ("OldPassword", "Kept-Password-1"), ("NewPassword", "Kept-Password-1"));
            var changed = await user.Call("ChangePassword", ("OldPassword", "Kept-Password-1"), ("NewPassword", "Later-Password-2"));
            var devices = await root.Call("ListMFADevices", ("UserName", "kept"));
            var session = await user.For("sts").Call("GetSessionToken", ("SerialNumber", serial),
                ("TokenCode", TestTotp.Code(seed, TestTotp.StepAt(await TestTotp.EmulatorNow(second.CreateClient())))));

            policy.Value("MinimumPasswordLength").Should().Be("10");
            reused.ErrorCode.Should().Be("PasswordPolicyViolation", "the reuse history came back with the profile");
            changed.Status.Should().Be(HttpStatusCode.OK, "the stored hash still verifies the old password");
            devices.Value("SerialNumber").Should().Be(serial);
            session.Status.Should().Be(HttpStatusCode.OK, "the stored seed still makes the codes the device shows");
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }
}
