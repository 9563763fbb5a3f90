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
            DecisionLogSize = int.TryParse(configuration["decision-log-size"], out var size) && size > 0 ? size : 1000,
        };
    }
}
