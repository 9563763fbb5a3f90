using System.Net;
using System.Net.Http.Json;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Sts;

/// <summary>MFA that checks: GetSessionToken and AssumeRole verify the code against the caller's enabled device, and the session carries it.</summary>
public sealed class MfaSessionTests : IClassFixture<MfaSessionTests.Factory>, IAsyncLifetime
{
    private const string MfaOnly = """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":"iam:ListRoles","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}},
          {"Effect":"Allow","Action":"iam:ListUsers","Resource":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}},
          {"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}
        """;

    private readonly Factory factory;
    private readonly IamTestClient root;

    public MfaSessionTests(Factory factory)
    {
        this.factory = factory;
        root = factory.Iam();
    }

    public sealed class Factory() : EmulatorFactory();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.CreateClient().PostAsJsonAsync("/_emulator/clock", new { reset = true });

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private sealed record MfaUser(string Name, string Serial, string Seed, IamTestClient Iam)
    {
        public IamTestClient Sts => Iam.For("sts");
    }

    /// <summary>A user with access keys, the <see cref="MfaOnly"/> policy and an enabled virtual MFA device.</summary>
    private async Task<MfaUser> NewMfaUser()
    {
        var name = Unique("mfa");
        await root.Call("CreateUser", ("UserName", name));
        await root.Call("PutUserPolicy", ("UserName", name), ("PolicyName", "mfa-only"), ("PolicyDocument", MfaOnly));
        var key = await root.Call("CreateAccessKey", ("UserName", name));
        var created = await root.Call("CreateVirtualMFADevice", ("VirtualMFADeviceName", name));
        var serial = created.Value("SerialNumber")!;
        var seed = TestTotp.SeedOf(created);
        var step = await Step();
        (await root.Call("EnableMFADevice", ("UserName", name), ("SerialNumber", serial),
            ("AuthenticationCode1", TestTotp.Code(seed, step)), ("AuthenticationCode2", TestTotp.Code(seed, step + 1)))).Status.Should().Be(HttpStatusCode.OK);
        return new MfaUser(name, serial, seed, factory.Iam(key.Value("AccessKeyId")!, key.Value("SecretAccessKey")!));
    }

    private async Task<long> Step() => TestTotp.StepAt(await TestTotp.EmulatorNow(factory.CreateClient()));

    [Fact]
    public async Task GetSessionToken_with_the_current_code_gives_a_session_that_policies_see_as_MFA()
    {
        var user = await NewMfaUser();

        var withoutMfa = await user.Iam.Call("ListRoles");
        var token = await user.Sts.Call("GetSessionToken", ("SerialNumber", user.Serial), ("TokenCode", TestTotp.Code(user.Seed, await Step())));
        var session = user.Iam.WithCredentials(token);
        var roles = await session.Call("ListRoles");
        var users = await session.Call("ListUsers");

        withoutMfa.ErrorCode.Should().Be("AccessDenied", "long-term keys carry no MFA");
        token.Status.Should().Be(HttpStatusCode.OK);
        roles.Status.Should().Be(HttpStatusCode.OK, "aws:MultiFactorAuthPresent is true in the session");
        users.Status.Should().Be(HttpStatusCode.OK, "aws:MultiFactorAuthAge is under an hour");
    }

    [Fact]
    public async Task aws_MultiFactorAuthAge_counts_from_the_code_check()
    {
        var user = await NewMfaUser();
        var token = await user.Sts.Call("GetSessionToken", ("SerialNumber", user.Serial), ("TokenCode", TestTotp.Code(user.Seed, await Step())));
        var session = user.Iam.WithCredentials(token);
        var http = factory.CreateClient();

        var fresh = await session.Call("ListUsers");
        await http.PostAsJsonAsync("/_emulator/clock", new { offsetSeconds = 3700 });
        var old = await session.Call("ListUsers");
        var stillMfa = await session.Call("ListRoles");
        await http.PostAsJsonAsync("/_emulator/clock", new { reset = true });

        fresh.Status.Should().Be(HttpStatusCode.OK);
        old.ErrorCode.Should().Be("AccessDenied", "an hour and more after the MFA check, NumericLessThan 3600 no longer holds");
        stillMfa.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_code_is_AccessDenied_with_STSs_message()
    {
        var user = await NewMfaUser();

        var wrong = await user.Sts.Call("GetSessionToken", ("SerialNumber", user.Serial), ("TokenCode", TestTotp.WrongCode(user.Seed, await Step())));
        var stale = await user.Sts.Call("GetSessionToken", ("SerialNumber", user.Serial), ("TokenCode", TestTotp.Code(user.Seed, await Step() - 4)));

        foreach (var response in new[] { wrong, stale })
        {
            response.Status.Should().Be(HttpStatusCode.Forbidden);
            response.ErrorCode.Should().Be("AccessDenied");
            response.ErrorMessage.Should().Be("MultiFactorAuthentication failed with invalid MFA one time pass code.");
        }
    }

    [Fact]
    public async Task A_serial_number_that_is_not_the_callers_enabled_device_cannot_be_validated()
    {
        var user = await NewMfaUser();
        var other = await NewMfaUser();
        var unassigned = await root.Call("CreateVirtualMFADevice", ("VirtualMFADeviceName", Unique("spare")));
        var step = await Step();

        var othersDevice = await user.Sts.Call("GetSessionToken", ("SerialNumber", other.Serial), ("TokenCode", TestTotp.Code(other.Seed, step)));
        var spare = await user.Sts.Call("GetSessionToken", ("SerialNumber", unassigned.Value("SerialNumber")!), ("TokenCode", TestTotp.Code(TestTotp.SeedOf(unassigned), step)));
        var rootCall = await root.For("sts").Call("GetSessionToken", ("SerialNumber", user.Serial), ("TokenCode", TestTotp.Code(user.Seed, step)));
        var noCode = await user.Sts.Call("GetSessionToken", ("SerialNumber", user.Serial));

        foreach (var response in new[] { othersDevice, spare, rootCall })
        {
            response.Status.Should().Be(HttpStatusCode.Forbidden);
            response.ErrorCode.Should().Be("AccessDenied");
            response.ErrorMessage.Should().Be("MultiFactorAuthentication failed, unable to validate MFA code.");
        }

        noCode.ErrorCode.Should().Be("AccessDenied");
        noCode.ErrorMessage.Should().Be("MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.");
    }

    [Fact]
    public async Task After_a_resync_the_devices_drifted_codes_are_accepted()
    {
        var user = await NewMfaUser();
        var step = await Step();
        await root.Call("ResyncMFADevice", ("UserName", user.Name), ("SerialNumber", user.Serial),
            ("AuthenticationCode1", TestTotp.Code(user.Seed, step + 8)), ("AuthenticationCode2", TestTotp.Code(user.Seed, step + 9)));

        var drifted = await user.Sts.Call("GetSessionToken", ("SerialNumber", user.Serial), ("TokenCode", TestTotp.Code(user.Seed, await Step() + 9)));
        var undrifted = await user.Sts.Call("GetSessionToken", ("SerialNumber", user.Serial), ("TokenCode", TestTotp.Code(user.Seed, await Step() - 3)));

        drifted.Status.Should().Be(HttpStatusCode.OK);
        undrifted.ErrorMessage.Should().Be("MultiFactorAuthentication failed with invalid MFA one time pass code.");
    }

    [Fact]
    public async Task AssumeRole_of_a_role_trusting_only_MFA_callers_checks_the_code_and_the_session_carries_MFA()
    {
        var user = await NewMfaUser();
        var role = Unique("mfa-role");
        await root.Call("CreateRole", ("RoleName", role), ("AssumeRolePolicyDocument",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}"""));
        await root.Call("PutRolePolicy", ("RoleName", role), ("PolicyName", "mfa-only"), ("PolicyDocument", MfaOnly));
        var roleArn = $"arn:aws:iam::123456789012:role/{role}";

        var noMfa = await user.Sts.Call("AssumeRole", ("RoleArn", roleArn), ("RoleSessionName", "mfa-session"));
        var wrong = await user.Sts.Call("AssumeRole", ("RoleArn", roleArn), ("RoleSessionName", "mfa-session"), ("SerialNumber", user.Serial),
            ("TokenCode", TestTotp.WrongCode(user.Seed, await Step())));
        var assumed = await user.Sts.Call("AssumeRole", ("RoleArn", roleArn), ("RoleSessionName", "mfa-session"), ("SerialNumber", user.Serial),
            ("TokenCode", TestTotp.Code(user.Seed, await Step())));
        var roles = await user.Iam.WithCredentials(assumed).Call("ListRoles");

        noMfa.ErrorCode.Should().Be("AccessDenied");
        noMfa.ErrorMessage.Should().StartWith($"User: arn:aws:iam::123456789012:user/{user.Name} is not authorized to perform: sts:AssumeRole");
        wrong.Status.Should().Be(HttpStatusCode.Forbidden);
        wrong.ErrorMessage.Should().Be("MultiFactorAuthentication failed with invalid MFA one time pass code.");
        assumed.Status.Should().Be(HttpStatusCode.OK);
        roles.Status.Should().Be(HttpStatusCode.OK, "the role session has aws:MultiFactorAuthPresent true");
    }
}
