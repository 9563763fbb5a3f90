using System.Collections;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace Emulator.Server.Hosting;

/// <summary>
/// Which environment variables configure the emulator: only EMULATOR_&lt;OPTION&gt;, never a bare variable that
/// happens to share an option's name (ASP.NET Core reads every variable unprefixed, so STATE, SEED or AUTH from a CI
/// job's environment would silently become --state, --seed or --auth). The name after the prefix is the option's:
/// <c>_</c> stands for <c>-</c> and <c>__</c> for <c>:</c>, so EMULATOR_STATE is --state, EMULATOR_ADMIN_TOKEN
/// --admin-token and EMULATOR_SERILOG__MINIMUMLEVEL__DEFAULT --Serilog:MinimumLevel:Default. The command line wins.
/// </summary>
public static class EnvironmentSettings
{
    public const string Prefix = "EMULATOR_";

    /// <summary>Replaces the framework's unprefixed environment source, in place (so the command line still wins).</summary>
    public static void Apply(IConfigurationBuilder configuration)
    {
        for (var i = 0; i < configuration.Sources.Count; i++)
        {
            if (configuration.Sources[i] is EnvironmentVariablesConfigurationSource { Prefix: null or "" })
            {
                configuration.Sources[i] = new MemoryConfigurationSource { InitialData = Settings(Environment.GetEnvironmentVariables()) };
            }
        }
    }

    /// <summary>The configuration keys and values the EMULATOR_ variables among <paramref name="variables"/> stand for.</summary>
    public static Dictionary<string, string?> Settings(IDictionary variables)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in variables)
        {
            if (entry.Key is string name && name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && name.Length > Prefix.Length)
            {
                var key = string.Join(':', name[Prefix.Length..].Split("__").Select(part => part.Replace('_', '-').ToLowerInvariant()));
                settings[key] = entry.Value as string;
            }
        }

        return settings;
    }
}
