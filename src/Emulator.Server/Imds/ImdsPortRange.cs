using System.Globalization;

namespace Emulator.Server.Imds;

/// <summary>
/// <c>--imds-ports FROM-TO</c>: loopback ports the emulator also listens on, one per live instance, for
/// clients that drop a path prefix from the IMDS endpoint (JS SDK v3 keeps only scheme, host and port).
/// </summary>
public sealed record ImdsPortRange(int From, int To)
{
    /// <summary>Each port is a listener; 256 covers any local fleet without opening thousands of sockets.</summary>
    public const int MaxPorts = 256;

    public int Count => To - From + 1;

    public bool Contains(int port) => port >= From && port <= To;

    public IEnumerable<int> Ports => Enumerable.Range(From, Count);

    /// <exception cref="ArgumentException">Not FROM-TO, a port outside 1–65535, FROM after TO, or more than 256 ports.</exception>
    public static ImdsPortRange Parse(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !IsPort(parts[0], out var from) || !IsPort(parts[1], out var to))
        {
            throw new ArgumentException($"--imds-ports must be FROM-TO with ports from 1 to 65535 (e.g. 4600-4615), not '{text}'.");
        }

        if (from > to)
        {
            throw new ArgumentException($"--imds-ports: FROM must not be after TO, not '{text}'.");
        }

        return to - from + 1 <= MaxPorts
            ? new ImdsPortRange(from, to)
            : throw new ArgumentException($"--imds-ports covers at most {MaxPorts} ports, not {to - from + 1} ('{text}').");
    }

    private static bool IsPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535;
}
