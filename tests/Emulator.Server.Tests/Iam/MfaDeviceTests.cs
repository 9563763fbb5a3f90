using System.Buffers.Binary;
using System.Net;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Iam;

/// <summary>Virtual MFA devices: created with a real seed and QR code, enabled only with two consecutive codes on the emulator clock.</summary>
public sealed class MfaDeviceTests : IClassFixture<MfaDeviceTests.Factory>
{
    private readonly Factory factory;
    private readonly IamTestClient iam;

    public MfaDeviceTests(Factory factory)
    {
        this.factory = factory;
        iam = factory.Iam();
    }

    public sealed class Factory() : EmulatorFactory();

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private async Task<(string Serial, string Seed)> NewDevice(string name, string? path = null)
    {
        var created = path is null
            ? await iam.Call("CreateVirtualMFADevice", ("VirtualMFADeviceName", name))
            : await iam.Call("CreateVirtualMFADevice", ("VirtualMFADeviceName", name), ("Path", path));
        created.Status.Should().Be(HttpStatusCode.OK);
        return (created.Value("SerialNumber")!, TestTotp.SeedOf(created));
    }

    private async Task<(string User, string Serial, string Seed)> EnabledDevice(string prefix)
    {
        var user = Unique(prefix);
        await iam.Call("CreateUser", ("UserName", user));
        var (serial, seed) = await NewDevice(user);
        var step = TestTotp.StepAt(await TestTotp.EmulatorNow(factory.CreateClient()));
        var enabled = await iam.Call("EnableMFADevice", ("UserName", user), ("SerialNumber", serial),
            ("AuthenticationCode1", TestTotp.Code(seed, step)), ("AuthenticationCode2", TestTotp.Code(seed, step + 1)));
        enabled.Status.Should().Be(HttpStatusCode.OK);
        return (user, serial, seed);
    }

    [Fact]
    public void The_tests_own_TOTP_matches_RFC_6238s_SHA1_test_vector()
    {
        // RFC 6238 appendix B: key "12345678901234567890", T = 59 s -> 94287082 (8 digits); six digits are its last six.
        var seed = TestTotp.Base32Encode("12345678901234567890"u8.ToArray());

        TestTotp.Code(seed, 59 / 30).Should().Be("287082");
        TestTotp.Code(seed, 1111111109 / 30).Should().Be("081804");
    }

    [Fact]
    public async Task CreateVirtualMFADevice_returns_a_serial_a_fresh_20_byte_seed_and_a_PNG_QR_code()
    {
        var name = Unique("phone");

        var created = await iam.Call("CreateVirtualMFADevice", ("VirtualMFADeviceName", name), ("Path", "/team/"),
            ("Tags.member.1.Key", "owner"), ("Tags.member.1.Value", "ops"));
        var other = await iam.Call("CreateVirtualMFADevice", ("VirtualMFADeviceName", Unique("tablet")));

        created.Status.Should().Be(HttpStatusCode.OK);
        created.Xml.Root!.Name.Should().Be(IamResponse.Iam + "CreateVirtualMFADeviceResponse");
        created.Value("SerialNumber").Should().Be($"arn:aws:iam::123456789012:mfa/team/{name}");
        var seed = TestTotp.SeedOf(created);
        seed.Should().MatchRegex("^[A-Z2-7]{32}$", "20 random bytes are 32 Base32 characters");
        TestTotp.Base32Decode(seed).Should().HaveCount(20);
        TestTotp.SeedOf(other).Should().NotBe(seed);
        var png = Convert.FromBase64String(created.Value("QRCodePNG")!);
        png.Take(8).Should().Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        width.Should().Be(height).And.BeGreaterThan(100, "a QR code big enough to hold an otpauth:// URI is square and over 100 pixels");
        created.Value("Key").Should().Be("owner");
        created.Value("Value").Should().Be("ops");
    }

    [Fact]
    public async Task A_second_device_at_the_same_path_and_name_is_EntityAlreadyExists()
    {
        var name = Unique("dup");
        await NewDevice(name);

        var again = await iam.Call("CreateVirtualMFADevice", ("VirtualMFADeviceName", name.ToUpperInvariant()));
        var otherPath = await iam.Call("CreateVirtualMFADevice", ("VirtualMFADeviceName", name), ("Path", "/elsewhere/"));

        again.Status.Should().Be(HttpStatusCode.Conflict);
        again.ErrorCode.Should().Be("EntityAlreadyExists");
        again.ErrorMessage.Should().Be("MFADevice entity at the same path and name already exists.");
        otherPath.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_device_name_or_path_outside_the_model_is_ValidationError()
    {
        var badName = await iam.Call("CreateVirtualMFADevice", ("VirtualMFADeviceName", "has space"));
        var badPath = await iam.Call("CreateVirtualMFADevice", ("VirtualMFADeviceName", "ok"), ("Path", "no-slash"));
        var missing = await iam.Call("CreateVirtualMFADevice");

        badName.ErrorCode.Should().Be("ValidationError");
        badName.ErrorMessage.Should().Be(@"1 validation error detected: Value at 'virtualMFADeviceName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]+");
        badPath.ErrorMessage.Should().Contain("'path'");
        missing.ErrorMessage.Should().Be("1 validation error detected: Value null at 'virtualMFADeviceName' failed to satisfy constraint: Member must not be null");
    }

    [Fact]
    public async Task EnableMFADevice_with_two_consecutive_codes_assigns_the_device_to_the_user()
    {
        var (user, serial, _) = await EnabledDevice("enable");

        var listed = await iam.Call("ListMFADevices", ("UserName", user));
        var fetched = await iam.Call("GetMFADevice", ("SerialNumber", serial));
        var assigned = await iam.Call("ListVirtualMFADevices", ("AssignmentStatus", "Assigned"));
        var unassigned = await iam.Call("ListVirtualMFADevices", ("AssignmentStatus", "Unassigned"));

        listed.Value("UserName").Should().Be(user);
        listed.Value("SerialNumber").Should().Be(serial);
        listed.Value("EnableDate").Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
        listed.Value("IsTruncated").Should().Be("false");
        fetched.Value("UserName").Should().Be(user);
        fetched.Value("EnableDate").Should().Be(listed.Value("EnableDate"));
        var device = assigned.All("member").Single(m => m.Elements().Any(e => e.Name.LocalName == "SerialNumber" && e.Value == serial));
        device.Elements().Single(e => e.Name.LocalName == "User").Elements().Single(e => e.Name.LocalName == "UserName").Value.Should().Be(user);
        unassigned.All("SerialNumber").Select(e => e.Value).Should().NotContain(serial);
    }

    [Fact]
    public async Task Wrong_codes_are_InvalidAuthenticationCode_and_leave_the_device_unassigned()
    {
        var user = Unique("wrong");
        await iam.Call("CreateUser", ("UserName", user));
        var (serial, seed) = await NewDevice(user);
        var step = TestTotp.StepAt(await TestTotp.EmulatorNow(factory.CreateClient()));

        var wrong = await iam.Call("EnableMFADevice", ("UserName", user), ("SerialNumber", serial),
            ("AuthenticationCode1", TestTotp.WrongCode(seed, step)), ("AuthenticationCode2", TestTotp.Code(seed, step + 1)));
        var reversed = await iam.Call("EnableMFADevice", ("UserName", user), ("SerialNumber", serial),
            ("AuthenticationCode1", TestTotp.Code(seed, step + 1)), ("AuthenticationCode2", TestTotp.Code(seed, step)));
        var stale = await iam.Call("EnableMFADevice", ("UserName", user), ("SerialNumber", serial),
            ("AuthenticationCode1", TestTotp.Code(seed, step - 10)), ("AuthenticationCode2", TestTotp.Code(seed, step - 9)));
        var letters = await iam.Call("EnableMFADevice", ("UserName", user), ("SerialNumber", serial),
            ("AuthenticationCode1", "12345a"), ("AuthenticationCode2", "1234567"));
        var listed = await iam.Call("ListMFADevices", ("UserName", user));

        foreach (var response in new[] { wrong, reversed, stale })
        {
            response.Status.Should().Be(HttpStatusCode.Forbidden);
            response.ErrorCode.Should().Be("InvalidAuthenticationCode");
            response.ErrorMessage.Should().Be("Authentication code for device is not valid.");
        }

        letters.ErrorCode.Should().Be("ValidationError");
        letters.ErrorMessage.Should().StartWith("2 validation errors detected:").And.Contain("'authenticationCode1'").And.Contain("'authenticationCode2'");
        listed.All("SerialNumber").Should().BeEmpty();
    }

    [Fact]
    public async Task Enabling_needs_an_existing_user_and_device_that_is_not_in_use()
    {
        var (user, serial, seed) = await EnabledDevice("inuse");
        var other = Unique("other");
        await iam.Call("CreateUser", ("UserName", other));
        var step = TestTotp.StepAt(await TestTotp.EmulatorNow(factory.CreateClient()));
        (string, string)[] Codes(string serialNumber, string userName) =>
            [("UserName", userName), ("SerialNumber", serialNumber), ("AuthenticationCode1", TestTotp.Code(seed, step)), ("AuthenticationCode2", TestTotp.Code(seed, step + 1))];

        var inUse = await iam.Call("EnableMFADevice", Codes(serial, other));
        var noDevice = await iam.Call("EnableMFADevice", Codes("arn:aws:iam::123456789012:mfa/nothing-here", other));
        var noUser = await iam.Call("EnableMFADevice", Codes(serial, "ghost-user"));

        inUse.Status.Should().Be(HttpStatusCode.Conflict);
        inUse.ErrorCode.Should().Be("EntityAlreadyExists");
        inUse.ErrorMessage.Should().Be("MFA Device is already in use.");
        noDevice.Status.Should().Be(HttpStatusCode.NotFound);
        noDevice.ErrorMessage.Should().Be("VirtualMFADevice with serial number arn:aws:iam::123456789012:mfa/nothing-here doesn't exist.");
        noUser.ErrorCode.Should().Be("NoSuchEntity");
        noUser.ErrorMessage.Should().Be("The user with name ghost-user cannot be found.");
        user.Should().NotBe(other);
    }

    [Fact]
    public async Task An_enabled_device_cannot_be_deleted_until_deactivated_and_its_user_not_until_then_either()
    {
        var (user, serial, _) = await EnabledDevice("delete");

        var conflict = await iam.Call("DeleteVirtualMFADevice", ("SerialNumber", serial));
        var userConflict = await iam.Call("DeleteUser", ("UserName", user));
        var deactivated = await iam.Call("DeactivateMFADevice", ("UserName", user), ("SerialNumber", serial));
        var again = await iam.Call("DeactivateMFADevice", ("UserName", user), ("SerialNumber", serial));
        var unassigned = await iam.Call("ListVirtualMFADevices", ("AssignmentStatus", "Unassigned"));
        var deleted = await iam.Call("DeleteVirtualMFADevice", ("SerialNumber", serial));
        var deletedAgain = await iam.Call("DeleteVirtualMFADevice", ("SerialNumber", serial));
        var userDeleted = await iam.Call("DeleteUser", ("UserName", user));

        conflict.Status.Should().Be(HttpStatusCode.Conflict);
        conflict.ErrorCode.Should().Be("DeleteConflict");
        conflict.ErrorMessage.Should().Be("MFA Device is in use and cannot be deleted. Deactivate the device first.");
        userConflict.ErrorCode.Should().Be("DeleteConflict");
        userConflict.ErrorMessage.Should().Be("Cannot delete entity, must delete MFA device first.");
        deactivated.Status.Should().Be(HttpStatusCode.OK);
        again.Status.Should().Be(HttpStatusCode.NotFound);
        again.ErrorMessage.Should().Be($"MFA Device with serial number {serial} not found for user {user}.");
        unassigned.All("SerialNumber").Select(e => e.Value).Should().Contain(serial);
        deleted.Status.Should().Be(HttpStatusCode.OK);
        deletedAgain.ErrorCode.Should().Be("NoSuchEntity");
        deletedAgain.ErrorMessage.Should().Be($"VirtualMFADevice with serial number {serial} doesn't exist.");
        userDeleted.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ResyncMFADevice_finds_a_drifted_device_and_refuses_wrong_codes()
    {
        var (user, serial, seed) = await EnabledDevice("resync");
        var step = TestTotp.StepAt(await TestTotp.EmulatorNow(factory.CreateClient()));

        var wrong = await iam.Call("ResyncMFADevice", ("UserName", user), ("SerialNumber", serial),
            ("AuthenticationCode1", TestTotp.WrongCode(seed, step + 6)), ("AuthenticationCode2", TestTotp.Code(seed, step + 7)));
        var drifted = await iam.Call("ResyncMFADevice", ("UserName", user), ("SerialNumber", serial),
            ("AuthenticationCode1", TestTotp.Code(seed, step + 6)), ("AuthenticationCode2", TestTotp.Code(seed, step + 7)));
        var notEnabled = await iam.Call("ResyncMFADevice", ("UserName", user), ("SerialNumber", "arn:aws:iam::123456789012:mfa/none-such"),
            ("AuthenticationCode1", "123456"), ("AuthenticationCode2", "654321"));

        wrong.Status.Should().Be(HttpStatusCode.Forbidden);
        wrong.ErrorCode.Should().Be("InvalidAuthenticationCode");
        wrong.ErrorMessage.Should().Be("Authentication code for device is not valid.");
        drifted.Status.Should().Be(HttpStatusCode.OK);
        notEnabled.ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task Devices_are_tagged_untagged_and_listed_by_serial_number()
    {
        var (serial, _) = await NewDevice(Unique("tags"));

        await iam.Call("TagMFADevice", ("SerialNumber", serial), ("Tags.member.1.Key", "a"), ("Tags.member.1.Value", "1"),
            ("Tags.member.2.Key", "b"), ("Tags.member.2.Value", "2"));
        await iam.Call("UntagMFADevice", ("SerialNumber", serial), ("TagKeys.member.1", "A"));
        var tags = await iam.Call("ListMFADeviceTags", ("SerialNumber", serial));
        var missing = await iam.Call("ListMFADeviceTags", ("SerialNumber", "arn:aws:iam::123456789012:mfa/absent"));
        var reserved = await iam.Call("TagMFADevice", ("SerialNumber", serial), ("Tags.member.1.Key", "aws:x"), ("Tags.member.1.Value", "1"));

        tags.All("Key").Select(e => e.Value).Should().Equal("b");
        tags.Value("IsTruncated").Should().Be("false");
        missing.Status.Should().Be(HttpStatusCode.NotFound);
        missing.ErrorCode.Should().Be("NoSuchEntity");
        reserved.ErrorCode.Should().Be("InvalidInput");
    }

    [Fact]
    public async Task ListVirtualMFADevices_pages_and_checks_its_AssignmentStatus()
    {
        await NewDevice(Unique("page"));
        await NewDevice(Unique("page"));

        var first = await iam.Call("ListVirtualMFADevices", ("MaxItems", "1"));
        var second = await iam.Call("ListVirtualMFADevices", ("MaxItems", "1"), ("Marker", first.Value("Marker")!));
        var bad = await iam.Call("ListVirtualMFADevices", ("AssignmentStatus", "Some"));

        first.All("SerialNumber").Should().HaveCount(1);
        first.Value("IsTruncated").Should().Be("true");
        second.All("SerialNumber").Single().Value.Should().NotBe(first.All("SerialNumber").Single().Value);
        bad.ErrorCode.Should().Be("ValidationError");
        bad.ErrorMessage.Should().Be("1 validation error detected: Value at 'assignmentStatus' failed to satisfy constraint: Member must satisfy enum value set: [Assigned, Unassigned, Any]");
    }

    [Fact]
    public async Task Device_calls_are_authorized_on_the_device_ARN_and_assignments_on_the_user()
    {
        var user = Unique("limited");
        await iam.Call("CreateUser", ("UserName", user));
        await iam.Call("PutUserPolicy", ("UserName", user), ("PolicyName", "own-device"), ("PolicyDocument",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateVirtualMFADevice","Resource":"arn:aws:iam::123456789012:mfa/${aws:username}"}]}"""));
        var key = await iam.Call("CreateAccessKey", ("UserName", user));
        var client = factory.Iam(key.Value("AccessKeyId")!, key.Value("SecretAccessKey")!);

        var own = await client.Call("CreateVirtualMFADevice", ("VirtualMFADeviceName", user));
        var others = await client.Call("CreateVirtualMFADevice", ("VirtualMFADeviceName", "someone-else"));
        var enable = await client.Call("EnableMFADevice", ("UserName", user), ("SerialNumber", own.Value("SerialNumber")!),
            ("AuthenticationCode1", "123456"), ("AuthenticationCode2", "654321"));

        own.Status.Should().Be(HttpStatusCode.OK);
        others.ErrorCode.Should().Be("AccessDenied");
        others.ErrorMessage.Should().StartWith($"User: arn:aws:iam::123456789012:user/{user} is not authorized to perform: iam:CreateVirtualMFADevice on resource: arn:aws:iam::123456789012:mfa/someone-else");
        enable.ErrorCode.Should().Be("AccessDenied");
        enable.ErrorMessage.Should().StartWith($"User: arn:aws:iam::123456789012:user/{user} is not authorized to perform: iam:EnableMFADevice on resource: arn:aws:iam::123456789012:user/{user}");
    }
}
