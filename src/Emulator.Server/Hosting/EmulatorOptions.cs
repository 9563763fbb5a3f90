using Emulator.Server.Authentication;

namespace Emulator.Server.Hosting;

/// <summary>Start-up options, from the command line (<c>--seed</c>, <c>--auth</c>) or configuration.</summary>
public sealed record EmulatorOptions
{
    public const string DefaultUrl = "http://127.0.0.1:4599";

    public string? SeedPath { get; init; }

    public AuthenticationMode Authentication { get; init; } = AuthenticationMode.Strict;

    public static EmulatorOptions FromConfiguration(IConfiguration configuration)
    {
        var auth = configuration["auth"] ?? "strict";
        return new EmulatorOptions
        {
            SeedPath = configuration["seed"],
            Authentication = auth.ToLowerInvariant() switch
            {
                "strict" => AuthenticationMode.Strict,
                "lenient" => AuthenticationMode.Lenient,
                _ => throw new ArgumentException($"--auth must be 'strict' or 'lenient', not '{auth}'."),
            },
        };
    }
}
