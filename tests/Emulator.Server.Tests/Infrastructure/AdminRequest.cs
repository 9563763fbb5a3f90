using System.Net.Http.Headers;
using System.Text;

namespace Emulator.Server.Tests.Infrastructure;

/// <summary>One admin API call with the headers a script, a browser page or a DNS-rebinding page would send.</summary>
public sealed record AdminRequest(HttpMethod Method, string Path)
{
    public string? Body { get; init; }

    /// <summary>Sent as given, unvalidated; null sends no Content-Type.</summary>
    public string? ContentType { get; init; } = "application/json";

    public string? Host { get; init; }

    public string? Origin { get; init; }

    public string? BearerToken { get; init; }

    public static AdminRequest Get(string path) => new(HttpMethod.Get, path);

    public static AdminRequest Post(string path, string body = "{}") => new(HttpMethod.Post, path) { Body = body };

    public async Task<AdminReply> SendAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        if (Host is not null)
        {
            request.Headers.Host = Host;
        }

        if (Origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", Origin);
        }

        if (BearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);
        }

        using var response = await http.SendAsync(request);
        return await AdminReply.ReadAsync(response);
    }
}
