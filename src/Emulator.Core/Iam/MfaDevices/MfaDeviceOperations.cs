using Emulator.Core.Errors;
using Emulator.Core.Iam.Paging;
using Emulator.Core.Iam.Tags;
using Emulator.Core.Iam.Users;
using Emulator.Core.Iam.Validation;
using Emulator.Core.Store;

namespace Emulator.Core.Iam.MfaDevices;

/// <summary>
/// Virtual MFA devices: creating one (a real random seed), enabling it for a user with two consecutive codes,
/// deactivating, resynchronising, listing and tagging it, and checking a one-time code for STS.
/// </summary>
public sealed class MfaDeviceOperations(IamContext context)
{
    /// <summary>RFC 6238's advice: accept one step of clock drift either side.</summary>
    public const int AcceptedDrift = 1;

    /// <summary>How far (in steps) ResyncMFADevice looks for a device whose clock has drifted: ten minutes either side.</summary>
    public const int ResyncWindow = 20;

    private const int SeedBytes = 20;

    private static readonly ModelPattern SerialNumber = new(@"[\w+=/:,.@-]+");
    private static readonly ModelPattern AuthenticationCode = new(@"[\d]+");

    public CreatedVirtualMfaDevice Create(string accountId, string? name, string? path, IReadOnlyList<Tag> tags)
    {
        var validator = new ParameterValidator().Required("virtualMFADeviceName", name).Length("virtualMFADeviceName", name, 1, 226)
            .Pattern("virtualMFADeviceName", name, ModelPattern.Name).Path("path", path);
        validator.ThrowIfInvalid();
        TagRules.Validate(validator, tags, caseInsensitiveKeys: true);
        var seed = TotpCodes.NewSeed(context.Ids.Bytes(SeedBytes));
        var device = context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var created = new VirtualMfaDevice(accountId, path ?? "/", name!, seed, context.Now(), null, null, 0, [.. tags]) { Partition = account.Partition };
            if (account.MfaDevices.ContainsKey(created.Key))
            {
                throw IamErrors.EntityAlreadyExists("MFADevice entity at the same path and name already exists.");
            }

            account.MfaDevices[created.Key] = created;
            return created;
        });
        return new CreatedVirtualMfaDevice(device, MfaQrCode.Png(device));
    }

    public void Delete(string accountId, string? serialNumber)
    {
        ValidateSerial(serialNumber);
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var device = Find(account, serialNumber!);
            if (device.IsEnabled)
            {
                throw IamErrors.DeleteConflict("MFA Device is in use and cannot be deleted. Deactivate the device first.");
            }

            return account.MfaDevices.Remove(device.Key);
        });
    }

    /// <param name="assignmentStatus">Assigned, Unassigned or Any (the default).</param>
    public Page<VirtualMfaDevice> ListVirtual(string accountId, string? assignmentStatus, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().OneOf("assignmentStatus", assignmentStatus, "Assigned", "Unassigned", "Any");
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var devices = context.Store.Read(state => IamRules.Account(state, accountId).MfaDevices.Values.ToList());
        return Paginator.Paginate(devices.Where(d => assignmentStatus switch
        {
            "Assigned" => d.IsEnabled,
            "Unassigned" => !d.IsEnabled,
            _ => true,
        }), d => d.SerialNumber, marker, maxItems);
    }

    /// <summary>EnableMFADevice: two consecutive codes, the first within one step of now, tie the device to the user.</summary>
    public void Enable(string accountId, string? userName, string? serialNumber, string? code1, string? code2)
    {
        ValidateCodes(userName, serialNumber, code1, code2, userRequired: true);
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var user = UserOperations.Find(account, userName!);
            var device = Find(account, serialNumber!);
            if (device.IsEnabled)
            {
                throw IamErrors.EntityAlreadyExists("MFA Device is already in use.");
            }

            var now = TotpCodes.StepAt(context.Clock.GetUtcNow());
            if (TotpCodes.MatchConsecutive(device.Base32StringSeed, code1!, code2!, now - AcceptedDrift, now) is null)
            {
                throw InvalidCode();
            }

            var enabled = device with { UserName = user.UserName, EnableDate = context.Now(), StepOffset = 0 };
            account.MfaDevices[enabled.Key] = enabled;
            return enabled;
        });
    }

    public void Deactivate(string accountId, string? userName, string? serialNumber)
    {
        new ParameterValidator().Name("userName", userName, 128, required: false).ThrowIfInvalid();
        ValidateSerial(serialNumber);
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            if (userName is not null)
            {
                UserOperations.Find(account, userName);
            }

            var device = EnabledFor(account, serialNumber!, userName);
            var deactivated = device with { UserName = null, EnableDate = null, StepOffset = 0 };
            account.MfaDevices[deactivated.Key] = deactivated;
            return deactivated;
        });
    }

    /// <summary>ResyncMFADevice: finds two consecutive codes within ten minutes of now and remembers the device's drift.</summary>
    public void Resync(string accountId, string? userName, string? serialNumber, string? code1, string? code2)
    {
        ValidateCodes(userName, serialNumber, code1, code2, userRequired: true);
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            UserOperations.Find(account, userName!);
            var device = EnabledFor(account, serialNumber!, userName);
            var now = TotpCodes.StepAt(context.Clock.GetUtcNow());
            var first = TotpCodes.MatchConsecutive(device.Base32StringSeed, code1!, code2!, now - ResyncWindow, now + ResyncWindow)
                ?? throw InvalidCode();
            var resynced = device with { StepOffset = (int)(first + 1 - now) };
            account.MfaDevices[resynced.Key] = resynced;
            return resynced;
        });
    }

    /// <summary>The MFA devices enabled for a user (null: the root, which has none in this emulator).</summary>
    public Page<VirtualMfaDevice> ListForUser(string accountId, string? userName, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Name("userName", userName, 128, required: false);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var devices = context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            if (userName is null)
            {
                return [];
            }

            var user = UserOperations.Find(account, userName);
            return account.MfaDevices.Values.Where(d => string.Equals(d.UserName, user.UserName, StringComparison.OrdinalIgnoreCase)).ToList();
        });
        return Paginator.Paginate(devices, d => d.SerialNumber, marker, maxItems);
    }

    /// <summary>GetMFADevice: an enabled device, optionally checked to belong to the named user.</summary>
    public VirtualMfaDevice Get(string accountId, string? serialNumber, string? userName)
    {
        new ParameterValidator().Name("userName", userName, 64, required: false).ThrowIfInvalid();
        ValidateSerial(serialNumber);
        return context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            if (userName is not null)
            {
                UserOperations.Find(account, userName);
            }

            return EnabledFor(account, serialNumber!, userName);
        });
    }

    public void Tag(string accountId, string? serialNumber, IReadOnlyList<Tag> tags)
    {
        ValidateSerial(serialNumber);
        TagRules.Validate(new ParameterValidator(), tags, caseInsensitiveKeys: true);
        Change(accountId, serialNumber!, d => d with { Tags = TagRules.Apply(d.Tags, tags, caseInsensitiveKeys: true) });
    }

    public void Untag(string accountId, string? serialNumber, IReadOnlyList<string> tagKeys)
    {
        var validator = new ParameterValidator().Required("serialNumber", serialNumber).Length("serialNumber", serialNumber, 9, 256)
            .Pattern("serialNumber", serialNumber, SerialNumber);
        TagRules.ValidateKeys(validator, tagKeys);
        validator.ThrowIfInvalid();
        Change(accountId, serialNumber!, d => d with { Tags = TagRules.Remove(d.Tags, tagKeys, caseInsensitiveKeys: true) });
    }

    public Page<Tag> ListTags(string accountId, string? serialNumber, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Required("serialNumber", serialNumber).Length("serialNumber", serialNumber, 9, 256)
            .Pattern("serialNumber", serialNumber, SerialNumber);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var device = context.Store.Read(state => Find(IamRules.Account(state, accountId), serialNumber!));
        return Paginator.Paginate(device.Tags, t => t.Key, marker, maxItems);
    }

    /// <summary>
    /// STS's MFA check (GetSessionToken, AssumeRole): the serial number must name a device enabled for the calling
    /// user and the code must be its code now (one step of drift either side, after any resync). Returns when
    /// the check passed (the session's MFA authentication time); refuses with AccessDenied as STS does.
    /// </summary>
    /// <param name="userName">The IAM user behind the call, or null (the root, a role session), which has no device here.</param>
    public DateTimeOffset Authenticate(string accountId, string? userName, string? serialNumber, string? tokenCode)
    {
        if (serialNumber is null || tokenCode is null)
        {
            throw IamErrors.AccessDenied("MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.");
        }

        var device = userName is null ? null : context.Store.Read(state =>
            state.Accounts.TryGetValue(accountId, out var account) ? Lookup(account, serialNumber) : null);
        if (device is null || !string.Equals(device.UserName, userName, StringComparison.OrdinalIgnoreCase))
        {
            throw IamErrors.AccessDenied("MultiFactorAuthentication failed, unable to validate MFA code.");
        }

        var now = TotpCodes.StepAt(context.Clock.GetUtcNow()) + device.StepOffset;
        return TotpCodes.Match(device.Base32StringSeed, tokenCode, now - AcceptedDrift, now + AcceptedDrift) is null
            ? throw IamErrors.AccessDenied("MultiFactorAuthentication failed with invalid MFA one time pass code.")
            : context.Now();
    }

    public static VirtualMfaDevice Find(AccountState account, string serialNumber) =>
        Lookup(account, serialNumber) ?? throw IamErrors.NoSuchEntity($"VirtualMFADevice with serial number {serialNumber} doesn't exist.");

    /// <summary>The device a serial number (its ARN) names in this account, or null.</summary>
    private static VirtualMfaDevice? Lookup(AccountState account, string serialNumber)
    {
        var prefix = account.IamArn("mfa").ToString();
        return serialNumber.StartsWith(prefix, StringComparison.Ordinal) && account.MfaDevices.TryGetValue(serialNumber[prefix.Length..], out var device)
            ? device
            : null;
    }

    private static VirtualMfaDevice EnabledFor(AccountState account, string serialNumber, string? userName)
    {
        var device = Lookup(account, serialNumber);
        if (device is null || !device.IsEnabled || (userName is not null && !string.Equals(device.UserName, userName, StringComparison.OrdinalIgnoreCase)))
        {
            throw IamErrors.NoSuchEntity(userName is null
                ? $"MFA Device with serial number {serialNumber} does not exist."
                : $"MFA Device with serial number {serialNumber} not found for user {userName}.");
        }

        return device;
    }

    private void Change(string accountId, string serialNumber, Func<VirtualMfaDevice, VirtualMfaDevice> change) => context.Store.Write(state =>
    {
        var account = IamRules.Account(state, accountId);
        var updated = change(Find(account, serialNumber));
        account.MfaDevices[updated.Key] = updated;
        return updated;
    });

    private static void ValidateSerial(string? serialNumber) =>
        new ParameterValidator().Required("serialNumber", serialNumber).Length("serialNumber", serialNumber, 9, 256)
            .Pattern("serialNumber", serialNumber, SerialNumber).ThrowIfInvalid();

    private static void ValidateCodes(string? userName, string? serialNumber, string? code1, string? code2, bool userRequired) =>
        new ParameterValidator().Name("userName", userName, 128, userRequired)
            .Required("serialNumber", serialNumber).Length("serialNumber", serialNumber, 9, 256).Pattern("serialNumber", serialNumber, SerialNumber)
            .Required("authenticationCode1", code1).Length("authenticationCode1", code1, 6, 6).Pattern("authenticationCode1", code1, AuthenticationCode)
            .Required("authenticationCode2", code2).Length("authenticationCode2", code2, 6, 6).Pattern("authenticationCode2", code2, AuthenticationCode)
            .ThrowIfInvalid();

    private static AwsException InvalidCode() => IamErrors.InvalidAuthenticationCode("Authentication code for device is not valid.");
}
