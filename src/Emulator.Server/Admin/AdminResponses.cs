using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Emulator.Server.Admin;

/// <summary>What every admin endpoint and the admin guard share: the error shape, and reading a JSON body.</summary>
public static class AdminResponses
{
    /// <summary>An <see cref="AdminError"/> with its status (400 unless said otherwise).</summary>
    public static IResult Error(string message, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new AdminError(message), AdminJsonContext.Default.AdminError, statusCode: status);

    /// <summary>The request body as <typeparamref name="T"/>, or why its JSON could not be read.</summary>
    public static async Task<(T? Request, string? Unreadable)> ReadJsonAsync<T>(HttpContext http, JsonTypeInfo<T> type)
    {
        try
        {
            return (await JsonSerializer.DeserializeAsync(http.Request.Body, type), null);
        }
        catch (JsonException e)
        {
            return (default, e.Message);
        }
    }
}
