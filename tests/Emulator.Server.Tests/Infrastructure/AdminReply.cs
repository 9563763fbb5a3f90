using System.Net;
using System.Text.Json;

namespace Emulator.Server.Tests.Infrastructure;

/// <summary>What an admin API caller sees: status, the JSON body and its error text, the request id and other headers.</summary>
public sealed record AdminReply(HttpStatusCode Status, string Body, string? ContentType, string? RequestId, string? WwwAuthenticate)
{
    /// <summary>The <c>error</c> field of a JSON error body, or null.</summary>
    public string? Error
    {
        get
        {
            try
            {
                using var document = JsonDocument.Parse(Body);
                return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error)
                    ? error.GetString()
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
    }

    public static async Task<AdminReply> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType,
            response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.Single() : null,
            response.Headers.WwwAuthenticate.ToString() is { Length: > 0 } challenge ? challenge : null);
}
