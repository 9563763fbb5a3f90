using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Users;

/// <summary>
/// MFA as a boto3 user lives it: a virtual device whose codes the script computes itself (RFC 6238 with hmac/hashlib,
/// from the Base32StringSeed) on the emulator's clock, enabled with two codes, then GetSessionToken with a code.
/// </summary>
[Collection(Boto3WorkflowCollection.Name)]
public sealed class MfaSessionTests(DefaultEmulator emulator)
{
    [Fact]
    public async Task A_session_from_a_checked_code_passes_a_policy_requiring_MFA_and_a_wrong_code_is_refused()
    {
        var user = UniqueName.For("mfa");
        var result = (await emulator.Boto3().RunAsync("""
            import base64, hashlib, hmac, struct, urllib.request
            from datetime import datetime

            def emulator_step():
                with urllib.request.urlopen(ENDPOINT + "/_emulator/clock") as response:
                    now = json.load(response)["now"]
                return int(datetime.fromisoformat(now.replace("Z", "+00:00")).timestamp()) // 30

            def totp(seed, step):
                digest = hmac.new(base64.b32decode(seed), struct.pack(">Q", step), hashlib.sha1).digest()
                offset = digest[-1] & 0x0F
                return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)

            user = arg("USER")
            iam.create_user(UserName=user)
            iam.put_user_policy(UserName=user, PolicyName="mfa-only", PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": "iam:ListMFADevices", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}))
            key = iam.create_access_key(UserName=user)["AccessKey"]
            device = iam.create_virtual_mfa_device(VirtualMFADeviceName=user)["VirtualMFADevice"]
            serial, seed = device["SerialNumber"], device["Base32StringSeed"].decode("ascii")
            step = emulator_step()
            iam.enable_mfa_device(UserName=user, SerialNumber=serial, AuthenticationCode1=totp(seed, step), AuthenticationCode2=totp(seed, step + 1))

            sts = client("sts", key["AccessKeyId"], key["SecretAccessKey"])
            as_user = client("iam", key["AccessKeyId"], key["SecretAccessKey"])
            near = {totp(seed, emulator_step() + d) for d in range(-3, 4)}
            wrong_code = next(c for c in ["000000", "111111", "222222", "333333"] if c not in near)
            credentials = sts.get_session_token(SerialNumber=serial, TokenCode=totp(seed, emulator_step()))["Credentials"]
            session = boto3.session.Session().client("iam", endpoint_url=ENDPOINT, region_name="us-east-1",
                aws_access_key_id=credentials["AccessKeyId"], aws_secret_access_key=credentials["SecretAccessKey"],
                aws_session_token=credentials["SessionToken"], config=Config(retries={"total_max_attempts": 1}))
            emit({
                "serial": serial,
                "seedLength": len(seed),
                "pngSignature": device["QRCodePNG"][:8].hex(),
                "withoutMfa": error_of(as_user.list_mfa_devices),
                "withMfa": session.list_mfa_devices()["MFADevices"],
                "wrongCode": error_of(sts.get_session_token, SerialNumber=serial, TokenCode=wrong_code),
                "notMine": error_of(sts.get_session_token, SerialNumber=serial + "-other", TokenCode=totp(seed, emulator_step())),
            })
            """, new Dictionary<string, string> { ["USER"] = user })).ShouldSucceed().Json;

        result.Text("serial").Should().Be($"arn:aws:iam::123456789012:mfa/{user}");
        result.At("seedLength").GetInt32().Should().Be(32);
        result.Text("pngSignature").Should().Be("89504e470d0a1a0a");
        result.Text("withoutMfa", "Code").Should().Be("AccessDenied", "long-term keys carry no MFA");
        var devices = result.Items("withMfa");
        devices.Should().ContainSingle();
        devices[0].Text("UserName").Should().Be(user);
        devices[0].Text("SerialNumber").Should().Be($"arn:aws:iam::123456789012:mfa/{user}");
        result.Text("wrongCode", "Code").Should().Be("AccessDenied");
        result.Text("wrongCode", "Message").Should().Be("MultiFactorAuthentication failed with invalid MFA one time pass code.");
        result.At("wrongCode", "Status").GetInt32().Should().Be(403);
        result.Text("notMine", "Code").Should().Be("AccessDenied");
        result.Text("notMine", "Message").Should().Be("MultiFactorAuthentication failed, unable to validate MFA code.");
    }
}
