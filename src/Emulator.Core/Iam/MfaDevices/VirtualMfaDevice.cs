using System.Collections.Immutable;
using Emulator.Core.Iam.Tags;

namespace Emulator.Core.Iam.MfaDevices;

/// <summary>
/// A virtual (TOTP) MFA device of an account. It belongs to a user once EnableMFADevice proved two
/// consecutive codes; <see cref="StepOffset"/> is the drift ResyncMFADevice measured, in 30-second steps.
/// </summary>
public sealed record VirtualMfaDevice(
    string AccountId,
    string Path,
    string VirtualMfaDeviceName,
    string Base32StringSeed,
    DateTimeOffset CreateDate,
    string? UserName,
    DateTimeOffset? EnableDate,
    int StepOffset,
    ImmutableList<Tag> Tags)
{
    public string SerialNumber => $"arn:aws:iam::{AccountId}:mfa{Path}{VirtualMfaDeviceName}";

    /// <summary>The key of the account's device table: path and name, unique together as IAM requires.</summary>
    public string Key => Path + VirtualMfaDeviceName;

    public bool IsEnabled => UserName is not null;
}
