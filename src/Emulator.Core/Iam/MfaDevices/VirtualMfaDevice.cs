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
    /// <summary>The partition of the account the entity belongs to (AWS managed policies: of the account that reads them).</summary>
    public string Partition { get; init; } = Emulator.Policy.AwsPartitions.Aws;

    public string SerialNumber => Emulator.Policy.Arn.Iam(Partition, AccountId, $"mfa{Path}{VirtualMfaDeviceName}").ToString();

    /// <summary>The key of the account's device table: path and name, unique together as IAM requires.</summary>
    public string Key => Path + VirtualMfaDeviceName;

    public bool IsEnabled => UserName is not null;
}
