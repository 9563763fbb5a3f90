using OtpNet;

namespace Emulator.Core.Iam.MfaDevices;

/// <summary>
/// RFC 6238 time-based codes as virtual MFA apps make them (HMAC-SHA1, 30-second steps, 6 digits), on the
/// emulator's clock, so moving the clock moves the codes a device accepts.
/// </summary>
public static class TotpCodes
{
    public const int StepSeconds = 30;

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    public static string CodeAt(string base32Seed, long step) =>
        new Totp(Base32Encoding.ToBytes(base32Seed), StepSeconds, OtpHashMode.Sha1, 6)
            .ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * StepSeconds).UtcDateTime);

    public static string NewSeed(byte[] secret) => Base32Encoding.ToString(secret);

    /// <summary>The step in <paramref name="first"/>..<paramref name="last"/> whose code is <paramref name="code"/>, if any.</summary>
    public static long? Match(string base32Seed, string code, long first, long last)
    {
        for (var step = first; step <= last; step++)
        {
            if (string.Equals(CodeAt(base32Seed, step), code, StringComparison.Ordinal))
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>
    /// The first step of two consecutive codes (code1 then code2) starting within <paramref name="first"/>..<paramref name="last"/>:
    /// how EnableMFADevice and ResyncMFADevice prove a device is in the user's hands.
    /// </summary>
    public static long? MatchConsecutive(string base32Seed, string code1, string code2, long first, long last)
    {
        for (var step = first; step <= last; step++)
        {
            if (string.Equals(CodeAt(base32Seed, step), code1, StringComparison.Ordinal)
                && string.Equals(CodeAt(base32Seed, step + 1), code2, StringComparison.Ordinal))
            {
                return step;
            }
        }

        return null;
    }
}
