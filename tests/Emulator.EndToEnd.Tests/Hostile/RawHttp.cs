using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Emulator.EndToEnd.Tests.Hostile;

/// <summary>
/// Sends a request over a plain TCP connection exactly as given (no client-side validation or
/// re-encoding of the target, headers or body) and reads the response. Adds only Host,
/// Content-Length and Connection: close. A connection reset or a truncated response is an exception.
/// </summary>
public static class RawHttp
{
    public static async Task<RawHttpResponse> SendAsync(Uri server, string method, byte[] target, IEnumerable<(string Name, byte[] Value)> headers, byte[] body, TimeSpan timeout)
    {
        using var message = new MemoryStream();
        void Write(string text) => message.Write(Encoding.ASCII.GetBytes(text));
        Write($"{method} ");
        message.Write(target);
        Write($" HTTP/1.1\r\nHost: {HostHeader(server)}\r\n");
        foreach (var (name, value) in headers)
        {
            Write($"{name}: ");
            message.Write(value);
            Write("\r\n");
        }

        if (body.Length > 0 || method is "POST" or "PUT" or "PATCH")
        {
            Write($"Content-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\n");
        }

        Write("Connection: close\r\n\r\n");
        message.Write(body);

        using var cancel = new CancellationTokenSource(timeout);
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancel.Token);
        var stream = client.GetStream();
        // The server may answer (413) before it has read the whole body: write and read at once, and a
        // failed write only matters when no complete response arrives.
        var writing = Task.Run(async () =>
        {
            try
            {
                await stream.WriteAsync(message.GetBuffer().AsMemory(0, (int)message.Length), cancel.Token);
                return null;
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                return e;
            }
        });

        var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        Exception? readFailure = null;
        RawHttpResponse? response = null;
        while (response is null)
        {
            int count;
            try
            {
                count = await stream.ReadAsync(buffer, cancel.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                readFailure = e;
                break;
            }

            if (count == 0)
            {
                // Neither Content-Length nor chunked: the body runs to the end of the connection.
                response = TryParse(received.ToArray(), closed: true);
                break;
            }

            received.Write(buffer, 0, count);
            response = TryParse(received.ToArray(), closed: false);
        }

        var writeFailure = await writing;
        return response ?? throw new IOException(
            $"No complete HTTP response: {received.Length} bytes received ({RawHttpResponse.Visible(Encoding.Latin1.GetString(received.ToArray()[..(int)Math.Min(received.Length, 300)]))}); " +
            $"read: {readFailure?.Message ?? "connection closed"}; write: {writeFailure?.Message ?? "complete"}");
    }

    private static string HostHeader(Uri server) => $"{server.Host}:{server.Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The response once it is complete (Content-Length or chunked), else null.</summary>
    private static RawHttpResponse? TryParse(byte[] data, bool closed)
    {
        var end = IndexOf(data, "\r\n\r\n"u8, 0);
        if (end < 0)
        {
            return null;
        }

        var lines = Encoding.Latin1.GetString(data, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => (Name: l[..l.IndexOf(':', StringComparison.Ordinal)], Value: l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())).ToList();
        var start = end + 4;
        var response = new RawHttpResponse(status, headers, []);
        if (response.Header("Transfer-Encoding") is { } encoding && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            return Dechunk(data, start) is { } body ? response with { Body = body } : null;
        }

        if (response.Header("Content-Length") is not { } declared)
        {
            return closed || status is 204 or 304 ? response with { Body = data[start..] } : null;
        }

        var length = int.Parse(declared, CultureInfo.InvariantCulture);
        return data.Length - start >= length ? response with { Body = data[start..(start + length)] } : null;
    }

    private static byte[]? Dechunk(byte[] data, int position)
    {
        var body = new MemoryStream();
        while (true)
        {
            var lineEnd = IndexOf(data, "\r\n"u8, position);
            if (lineEnd < 0)
            {
                return null;
            }

            var sizeText = Encoding.ASCII.GetString(data, position, lineEnd - position).Split(';')[0].Trim();
            var size = int.Parse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            position = lineEnd + 2;
            if (size == 0)
            {
                return body.ToArray();
            }

            if (data.Length < position + size + 2)
            {
                return null;
            }

            body.Write(data, position, size);
            position += size + 2;
        }
    }

    private static int IndexOf(byte[] data, ReadOnlySpan<byte> pattern, int start)
    {
        var found = data.AsSpan(start).IndexOf(pattern);
        return found < 0 ? -1 : start + found;
    }
}
