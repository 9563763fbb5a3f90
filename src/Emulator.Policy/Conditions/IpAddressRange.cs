using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Emulator.Policy;

/// <summary>An <c>IpAddress</c>/<c>NotIpAddress</c> value: an IPv4 or IPv6 address or CIDR block.</summary>
/// <remarks>
/// Host bits under the prefix are ignored (<c>10.1.2.3/8</c> is <c>10.0.0.0/8</c>), and an address without
/// a prefix is a single host.
/// </remarks>
internal sealed class IpAddressRange
{
    private readonly byte[] _network;
    private readonly int _prefixLength;

    private IpAddressRange(byte[] network, int prefixLength)
    {
        _network = network;
        _prefixLength = prefixLength;
    }

    public static IpAddressRange? TryCreate(string text)
    {
        var trimmed = text.AsSpan().Trim();
        var slash = trimmed.IndexOf('/');
        var addressText = slash < 0 ? trimmed : trimmed[..slash];
        if (!IPAddress.TryParse(addressText, out var address))
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        var prefixLength = bytes.Length * 8;
        if (slash >= 0
            && (!int.TryParse(trimmed[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefixLength)
                || prefixLength > bytes.Length * 8))
        {
            return null;
        }

        return new IpAddressRange(bytes, prefixLength);
    }

    /// <summary>Parses a request address into 4 or 16 bytes; false when it is not an IP address.</summary>
    public static bool TryParseAddress(ReadOnlySpan<char> text, Span<byte> destination, out int length)
    {
        text = text.Trim();
        if (TryParseIpv4(text, destination))
        {
            length = 4;
            return true;
        }

        length = 0;

        // IPv6 is rare here; parsing it through IPAddress allocates once per evaluation.
        if (!IPAddress.TryParse(text, out var parsed))
        {
            return false;
        }

        if (parsed.AddressFamily == AddressFamily.InterNetworkV6 && parsed.IsIPv4MappedToIPv6)
        {
            parsed = parsed.MapToIPv4();
        }

        return parsed.TryWriteBytes(destination, out length);
    }

    public bool Contains(ReadOnlySpan<byte> address)
    {
        if (address.Length != _network.Length)
        {
            return false;
        }

        var fullBytes = _prefixLength / 8;
        if (!address[..fullBytes].SequenceEqual(_network.AsSpan(0, fullBytes)))
        {
            return false;
        }

        var remainingBits = _prefixLength % 8;
        if (remainingBits == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - remainingBits));
        return (address[fullBytes] & mask) == (_network[fullBytes] & mask);
    }

    private static bool TryParseIpv4(ReadOnlySpan<char> text, Span<byte> destination)
    {
        for (var octet = 0; octet < 4; octet++)
        {
            var dot = text.IndexOf('.');
            var part = octet < 3 ? (dot < 0 ? ReadOnlySpan<char>.Empty : text[..dot]) : text;
            if (part.IsEmpty || part.Length > 3
                || !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 255)
            {
                return false;
            }

            destination[octet] = (byte)value;
            if (octet < 3)
            {
                text = text[(dot + 1)..];
            }
        }

        return true;
    }
}
