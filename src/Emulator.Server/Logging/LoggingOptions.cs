using Serilog.Events;

namespace Emulator.Server.Logging;

/// <summary>
/// Log levels from the command line: <c>--log-level Warning</c>, or Serilog's own keys
/// (<c>--Serilog:MinimumLevel:Default=Warning</c>, <c>--Serilog:MinimumLevel:Override:Emulator.Server.Authorization=Debug</c>).
/// Read by hand rather than by Serilog.Settings.Configuration, which binds sinks by reflection and
/// cannot be published Native AOT.
/// </summary>
public sealed record LoggingOptions
{
    /// <summary>
    /// ASP.NET Core's request logging writes full URLs at Information, and presigned URLs carry
    /// X-Amz-Security-Token and X-Amz-Signature: below Warning it would log credentials.
    /// </summary>
    public const string AspNetCoreNamespace = "Microsoft.AspNetCore";

    private const string Levels = "Verbose, Debug, Information, Warning, Error, Fatal";

    public LogEventLevel DefaultLevel { get; init; } = LogEventLevel.Information;

    /// <summary>Minimum levels per source-context prefix (the most specific prefix wins, as in Serilog).</summary>
    public IReadOnlyDictionary<string, LogEventLevel> Overrides { get; init; } = DefaultOverrides();

    /// <summary>The options a command line asks for; an unknown level is an <see cref="ArgumentException"/> naming the option.</summary>
    public static LoggingOptions FromConfiguration(IConfiguration configuration)
    {
        var level = LogEventLevel.Information;
        var minimumLevel = configuration.GetSection("Serilog:MinimumLevel");

        // Serilog.Settings.Configuration accepted both "MinimumLevel=Warning" and "MinimumLevel:Default=Warning"; so do we.
        if (minimumLevel.Value is { } plain)
        {
            level = ParseLevel(plain, "--Serilog:MinimumLevel");
        }

        if (minimumLevel["Default"] is { } configured)
        {
            level = ParseLevel(configured, "--Serilog:MinimumLevel:Default");
        }

        if (configuration["log-level"] is { } simple)
        {
            level = ParseLevel(simple, "--log-level");
        }

        var overrides = DefaultOverrides();
        foreach (var entry in minimumLevel.GetSection("Override").GetChildren())
        {
            if (entry.Value is { } value)
            {
                overrides[entry.Key] = ParseLevel(value, $"--Serilog:MinimumLevel:Override:{entry.Key}");
            }
        }

        // Applied last so no override can lower it, not even one for a namespace inside Microsoft.AspNetCore.
        foreach (var name in overrides.Keys.Where(IsAspNetCore).ToList())
        {
            overrides[name] = Max(overrides[name], LogEventLevel.Warning);
        }

        return new LoggingOptions { DefaultLevel = level, Overrides = overrides };
    }

    /// <summary>Serilog's level names, case-insensitive, plus the Microsoft.Extensions.Logging spellings people type.</summary>
    public static LogEventLevel ParseLevel(string value, string option) => value.Trim().ToLowerInvariant() switch
    {
        "verbose" or "trace" => LogEventLevel.Verbose,
        "debug" => LogEventLevel.Debug,
        "information" or "info" => LogEventLevel.Information,
        "warning" or "warn" => LogEventLevel.Warning,
        "error" => LogEventLevel.Error,
        "fatal" or "critical" => LogEventLevel.Fatal,
        _ => throw new ArgumentException($"{option} must be one of {Levels}, not '{value}'."),
    };

    private static Dictionary<string, LogEventLevel> DefaultOverrides() => new(StringComparer.Ordinal)
    {
        ["Microsoft"] = LogEventLevel.Warning,
        [AspNetCoreNamespace] = LogEventLevel.Warning,

        // "Now listening on ..." tells a user where the emulator is.
        ["Microsoft.Hosting.Lifetime"] = LogEventLevel.Information,
    };

    private static bool IsAspNetCore(string name) =>
        name == AspNetCoreNamespace || name.StartsWith(AspNetCoreNamespace + ".", StringComparison.Ordinal);

    private static LogEventLevel Max(LogEventLevel a, LogEventLevel b) => a > b ? a : b;
}
