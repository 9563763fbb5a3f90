using Emulator.Server.Hosting;

namespace Emulator.Server.Admin;

/// <summary>
/// <c>GET /_emulator/state</c> exports the whole state as one JSON document (secret keys only with
/// <c>?secrets=true</c>); <c>PUT /_emulator/state</c> replaces the state with such a document, atomically.
/// The same document works as a <c>--seed</c> file.
/// </summary>
public static class StateEndpoints
{
    /// <summary>Large accounts export to megabytes; the cap only keeps a runaway upload from exhausting memory.</summary>
    private const int MaxDocumentBytes = 256 * 1024 * 1024;

    public static void MapStateTransfer(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/_emulator");
        admin.MapGet("/state", (EmulatorRuntime runtime, string? secrets) => secrets switch
        {
            null or "false" => Results.Text(runtime.State.Export(includeSecrets: false), "application/json"),
            "true" => Results.Text(runtime.State.Export(includeSecrets: true), "application/json"),
            _ => AdminResponses.Error($"secrets must be true or false, not '{secrets}'."),
        });
        admin.MapPut("/state", async (HttpContext http, EmulatorRuntime runtime, ILogger<EmulatorRuntime> logger) =>
        {
            if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxDocumentBytes;
            }

            if (http.Request.ContentLength > MaxDocumentBytes)
            {
                return AdminResponses.Error($"the state document is larger than {MaxDocumentBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            string json;
            using (var reader = new StreamReader(http.Request.Body))
            {
                json = await reader.ReadToEndAsync(http.RequestAborted);
            }

            try
            {
                var accounts = runtime.State.Import(json);
                logger.LogInformation("State replaced by an imported document: accounts {Accounts}", accounts);
                return Results.Json(new HealthResponse("imported", accounts, runtime.Options.Authentication.ToString().ToLowerInvariant(), runtime.Clock.GetUtcNow()),
                    AdminJsonContext.Default.HealthResponse);
            }
            catch (InvalidDataException e)
            {
                return AdminResponses.Error(e.Message);
            }
        });
    }
}
