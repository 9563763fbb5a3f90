using Emulator.Server.Authentication;
using Emulator.Server.Authorization;

namespace Emulator.Server.Hosting;

/// <summary>Start-up options, from the command line (<c>--seed</c>, <c>--auth</c>) or configuration.</summary>
public sealed record EmulatorOptions
{
    public const string DefaultUrl = "http://127.0.0.1:4599";

    public string? SeedPath { get; init; }

    public AuthenticationMode Authentication { get; init; } = AuthenticationMode.Strict;

    public EnforcementMode Enforcement { get; init; } = EnforcementMode.Strict;

    /// <summary>
    /// The master key for session tokens (<c>--session-key</c>, base64, at least 32 bytes). Instances
    /// sharing it accept each other's temporary credentials; without it a key is generated at start.
    /// </summary>
    public byte[]? SessionKey { get; init; }

    /// <summary>The built-in OIDC issuer's identifier (<c>--oidc-issuer</c>, default https://oidc.emulator.test).</summary>
    public string? OidcIssuer { get; init; }

    /// <summary>How many recent authorization decisions the decision log keeps.</summary>
    public int DecisionLogSize { get; init; } = 1000;

    public static EmulatorOptions FromConfiguration(IConfiguration configuration)
    {
        var auth = configuration["auth"] ?? "strict";
        var enforce = configuration["enforce"] ?? "strict";
        return new EmulatorOptions
        {
            SeedPath = configuration["seed"],
            Authentication = auth.ToLowerInvariant() switch
            {
                "strict" => AuthenticationMode.Strict,
                "lenient" => AuthenticationMode.Lenient,
                _ => throw new ArgumentException($"--auth must be 'strict' or 'lenient', not '{auth}'."),
            },
            Enforcement = enforce.ToLowerInvariant() switch
            {
                "strict" => EnforcementMode.Strict,
                "soft" => EnforcementMode.Soft,
                _ => throw new ArgumentException($"--enforce must be 'strict' or 'soft', not '{enforce}'."),
            },
            SessionKey = configuration["session-key"] is { } key ? SessionKeyFrom(key) : null,
            OidcIssuer = configuration["oidc-issuer"],
            DecisionLogSize = int.TryParse(configuration["decision-log-size"], out var size) && size > 0 ? size : 1000,
        };
    }

    private static byte[] SessionKeyFrom(string base64)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new ArgumentException("--session-key must be base64.");
        }

        return key.Length >= 32 ? key : throw new ArgumentException("--session-key must hold at least 32 bytes.");
    }
}
