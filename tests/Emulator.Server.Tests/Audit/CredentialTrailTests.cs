using System.Net;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Audit;

/// <summary>Passwords, MFA seeds and one-time codes never reach the trail; an MFA session is recorded as mfaAuthenticated.</summary>
public sealed class CredentialTrailTests
{
    [Fact]
    public async Task The_trail_keeps_no_password_seed_QR_code_or_one_time_code_and_marks_MFA_sessions()
    {
        using var emulator = new DefaultEmulator();
        var iam = emulator.Iam();
        await iam.Call("CreateUser", ("UserName", "carol"));
        await iam.Call("PutUserPolicy", ("UserName", "carol"), ("PolicyName", "all"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"}]}"""));
        var key = await iam.Call("CreateAccessKey", ("UserName", "carol"));
        var carol = emulator.Iam(key.Value("AccessKeyId")!, key.Value("SecretAccessKey")!);
        await iam.Call("CreateLoginProfile", ("UserName", "carol"), ("Password", "Trail-Secret-Pass-1"));
        (await carol.Call("ChangePassword", ("OldPassword", "Trail-Secret-Pass-1"), ("NewPassword", "Trail-Secret-Pass-2"))).Status.Should().Be(HttpStatusCode.OK);
        var created = await iam.Call("CreateVirtualMFADevice", ("VirtualMFADeviceName", "carol"));
        var (serial, seed) = (created.Value("SerialNumber")!, TestTotp.SeedOf(created));
        var step = TestTotp.StepAt(await TestTotp.EmulatorNow(emulator.CreateClient()));
        var (code1, code2) = (TestTotp.Code(seed, step), TestTotp.Code(seed, step + 1));
        await iam.Call("EnableMFADevice", ("UserName", "carol"), ("SerialNumber", serial), ("AuthenticationCode1", code1), ("AuthenticationCode2", code2));
        var token = await carol.For("sts").Call("GetSessionToken", ("SerialNumber", serial), ("TokenCode", code2));
        (await carol.WithCredentials(token).Call("ListMFADevices")).Status.Should().Be(HttpStatusCode.OK);

        var records = await TrailClient.Records(emulator);
        var body = string.Join("\n", records.Select(r => r.GetRawText()));
        var listed = await TrailClient.Single(emulator, "ListMFADevices");

        records.Select(r => r.Text("eventName")).Should().Contain(["CreateLoginProfile", "ChangePassword", "CreateVirtualMFADevice", "EnableMFADevice", "GetSessionToken"]);
        body.Should().NotContain("Trail-Secret-Pass").And.NotContain(seed).And.NotContain(created.Value("Base32StringSeed"))
            .And.NotContain(created.Value("QRCodePNG")![..40])
            .And.NotContain("authenticationCode").And.NotContain("tokenCode").And.NotContain("assword\":");
        (await TrailClient.Single(emulator, "EnableMFADevice")).Text("requestParameters", "serialNumber").Should().Be(serial);
        listed.Text("userIdentity", "sessionContext", "attributes", "mfaAuthenticated").Should().Be("true");
    }
}
