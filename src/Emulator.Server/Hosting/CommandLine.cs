namespace Emulator.Server.Hosting;

/// <summary>
/// The options the emulator understands, checked before anything starts: a mistyped or unknown
/// option (<c>--enforce-mode</c>, <c>--stat</c>) stops the start with the list of
/// valid ones, instead of starting a server that quietly does something else.
/// </summary>
public static class CommandLine
{
    /// <summary>Every option name with what it takes; the README's options table says the same.</summary>
    public static IReadOnlyList<(string Name, string Value)> Options { get; } =
    [
        ("urls", "http://127.0.0.1:4599"),
        ("seed", "PATH"),
        ("state", "sqlite:PATH|postgres://USER:PASSWORD@HOST:PORT/DB"),
        ("auth", "strict|lenient"),
        ("enforce", "strict|soft"),
        ("session-key", "BASE64"),
        ("oidc-issuer", "URL"),
        ("decision-log-size", "N"),
        ("trail-size", "N"),
        ("trail-file", "PATH"),
        ("admin-hosts", "HOST[:PORT],..."),
        ("admin-origins", "ORIGIN,..."),
        ("admin-token", "TOKEN"),
        ("imds-ports", "FROM-TO"),
        ("quota", "NAME=VALUE,..."),
        ("log-level", "Verbose|Debug|Information|Warning|Error|Fatal"),
        ("Serilog:MinimumLevel", "LEVEL"),
        ("Serilog:MinimumLevel:Default", "LEVEL"),
        ("Serilog:MinimumLevel:Override:<Namespace>", "LEVEL"),
        ("environment", "NAME"),
        ("contentRoot", "PATH"),
        ("applicationName", "NAME"),
    ];

    /// <summary>
    /// Checks the arguments in the forms .NET's command-line configuration reads (<c>--name value</c>,
    /// <c>--name=value</c>, <c>/name value</c>, <c>name=value</c>).
    /// </summary>
    /// <exception cref="ArgumentException">An unknown option, or a value without an option.</exception>
    public static void Validate(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var prefixed = arg.StartsWith("--", StringComparison.Ordinal) ? 2 : arg.StartsWith('/') ? 1 : 0;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (prefixed == 0 && equals < 0)
            {
                throw new ArgumentException($"unexpected argument '{arg}': options are written --name value. {Valid()}");
            }

            var name = equals < 0 ? arg[prefixed..] : arg[prefixed..equals];
            if (!IsKnown(name))
            {
                throw new ArgumentException($"unknown option '{arg}'. {Valid()}");
            }

            if (equals < 0)
            {
                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"option --{name} needs a value.");
                }

                i++;
            }
        }
    }

    /// <summary>
    /// Options that may be given more than once, their values adding up (<c>--quota A=1 --quota B=2</c>): .NET's
    /// command-line configuration would keep only the last, so they are joined into one comma-separated value.
    /// </summary>
    public static IReadOnlyList<string> Repeatable { get; } = ["quota"];

    /// <summary>The arguments with each repeatable option's occurrences joined into one <c>--name=a,b</c> (call after <see cref="Validate"/>).</summary>
    public static string[] JoinRepeated(IReadOnlyList<string> args)
    {
        var kept = new List<string>();
        var joined = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var prefixed = arg.StartsWith("--", StringComparison.Ordinal) ? 2 : arg.StartsWith('/') ? 1 : 0;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg[prefixed..] : arg[prefixed..equals];
            var repeatable = Repeatable.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
            if (repeatable is null)
            {
                kept.Add(arg);
                if (equals < 0 && i + 1 < args.Count)
                {
                    kept.Add(args[++i]);
                }

                continue;
            }

            var value = equals < 0 ? (i + 1 < args.Count ? args[++i] : "") : arg[(equals + 1)..];
            if (!joined.TryGetValue(repeatable, out var values))
            {
                joined[repeatable] = values = [];
            }

            values.Add(value);
        }

        return [.. kept, .. joined.Select(j => $"--{j.Key}={string.Join(',', j.Value)}")];
    }

    private static bool IsKnown(string name) =>
        Options.Any(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase))
        || (name.StartsWith("Serilog:MinimumLevel:Override:", StringComparison.OrdinalIgnoreCase) && name.Length > "Serilog:MinimumLevel:Override:".Length);

    private static string Valid() =>
        "Valid options: " + string.Join(", ", Options.Select(o => $"--{o.Name} {o.Value}")) + ".";
}
