using Emulator.Core.Iam;
using Emulator.Core.Store;
using Emulator.Server.Authentication;
using Emulator.Server.Authorization;
using Emulator.Server.Imds;

namespace Emulator.Server.Hosting;

/// <summary>Start-up options, from the command line (<c>--seed</c>, <c>--auth</c>) or configuration.</summary>
public sealed record EmulatorOptions
{
    public const string DefaultUrl = "http://127.0.0.1:4599";

    public string? SeedPath { get; init; }

    /// <summary>Where state lives (<c>--state sqlite:PATH</c> or <c>postgres://…</c>); null: in memory only.</summary>
    public StateLocation? State { get; init; }

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

    /// <summary>How many recent AWS API calls the audit trail keeps (<c>--trail-size</c>); the newest are kept.</summary>
    public int TrailSize { get; init; } = 10000;

    /// <summary>A file the audit trail is appended to as JSON lines (<c>--trail-file</c>); null: memory only.</summary>
    public string? TrailFile { get; init; }

    /// <summary>
    /// Host names besides the loopback ones under which the admin API answers (<c>--admin-hosts
    /// emulator:4599,other</c>; an entry without a port admits any port). Checking the Host header
    /// is what defeats DNS rebinding: a hostile page's own name never passes.
    /// </summary>
    public IReadOnlyList<HostString> AdminHosts { get; init; } = [];

    /// <summary>
    /// Browser origins besides the emulator's own that may call the admin API (<c>--admin-origins
    /// http://localhost:3000</c>), normalised as <c>scheme://host:port</c>.
    /// </summary>
    public IReadOnlyList<string> AdminOrigins { get; init; } = [];

    /// <summary>When set (<c>--admin-token</c>), every admin request must carry <c>Authorization: Bearer</c> with it.</summary>
    public string? AdminToken { get; init; }

    /// <summary>Loopback ports serving one instance's metadata each (<c>--imds-ports 4600-4615</c>); null: none.</summary>
    public ImdsPortRange? ImdsPorts { get; init; }

    /// <summary>
    /// The IAM quotas in force (<c>--quota RolesPerAccount=10000,PoliciesPerRole=20</c>, repeatable): AWS's
    /// defaults for the ones not named.
    /// </summary>
    public IamQuotas Quotas { get; init; } = IamQuotas.Default;

    public static EmulatorOptions FromConfiguration(IConfiguration configuration)
    {
        var auth = configuration["auth"] ?? "strict";
        var enforce = configuration["enforce"] ?? "strict";
        return new EmulatorOptions
        {
            SeedPath = configuration["seed"],
            State = configuration["state"] is { } state ? StateLocation.Parse(state) : null,
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
            AdminHosts = List(configuration["admin-hosts"]).Select(AdminHost).ToList(),
            AdminOrigins = List(configuration["admin-origins"]).Select(AdminOrigin).ToList(),
            AdminToken = configuration["admin-token"] switch
            {
                null => null,
                "" => throw new ArgumentException("--admin-token must not be empty."),
                var token => token,
            },
            ImdsPorts = configuration["imds-ports"] is { } ports ? ImdsPortRange.Parse(ports) : null,
            TrailSize = configuration["trail-size"] is { } trailSize ? TrailSizeFrom(trailSize) : 10000,
            TrailFile = configuration["trail-file"] is { } trailFile ? TrailFileFrom(trailFile) : null,
            Quotas = configuration["quota"] is { } quota ? QuotasFrom(quota) : IamQuotas.Default,
        };
    }

    /// <summary>
    /// An origin as browsers send it, <c>scheme://host[:port]</c>, normalised with the scheme's default
    /// port so <c>http://localhost</c> and <c>http://localhost:80</c> compare equal. Null for anything else.
    /// </summary>
    public static string? NormaliseOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}:{uri.Port}"
            : null;

    private static IEnumerable<string> List(string? commaSeparated) =>
        (commaSeparated ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static HostString AdminHost(string entry)
    {
        var host = new HostString(entry);
        var hasPort = entry.StartsWith('[') ? entry.Contains("]:", StringComparison.Ordinal) : entry.Contains(':', StringComparison.Ordinal);
        var valid = host.Host.Length > 0 && !host.Host.Contains('/', StringComparison.Ordinal) && (!hasPort || host.Port is > 0 and <= 65535);
        return valid
            ? host
            : throw new ArgumentException($"--admin-hosts entries are host or host:port (e.g. emulator:4599), not '{entry}'.");
    }

    private static string AdminOrigin(string entry) =>
        NormaliseOrigin(entry)
        ?? throw new ArgumentException($"--admin-origins entries are origins like http://localhost:3000 (scheme, host, optional port, no path), not '{entry}'.");

    private static IamQuotas QuotasFrom(string text)
    {
        try
        {
            return IamQuotas.Parse([text]);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"--quota: {e.Message}");
        }
    }

    private static int TrailSizeFrom(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= 10_000_000
            ? size
            : throw new ArgumentException($"--trail-size must be a whole number from 1 to 10000000, not '{text}'.");

    /// <summary>The file may not exist yet (it is appended to), but its folder must: a typo stops the start, not the first write.</summary>
    private static string TrailFileFrom(string path)
    {
        var full = Path.GetFullPath(path);
        return Directory.Exists(Path.GetDirectoryName(full)) && !Directory.Exists(full)
            ? full
            : throw new ArgumentException($"--trail-file must name a file in an existing folder, not '{path}'.");
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
