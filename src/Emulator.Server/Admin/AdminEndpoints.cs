using System.Text.Json;
using Emulator.Policy;
using Emulator.Server.Authorization;
using Emulator.Server.Hosting;
using Emulator.Server.Pipeline;

namespace Emulator.Server.Admin;

/// <summary>The emulator's own API under /_emulator: health, reset to the seeded state, and the clock.</summary>
public static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/_emulator");
        admin.MapGet("/health", (EmulatorRuntime runtime) => Results.Json(
            new HealthResponse("ok", runtime.Store.Read(s => s.Accounts.Keys.Order(StringComparer.Ordinal).ToList()),
                runtime.Options.Authentication.ToString().ToLowerInvariant(), runtime.Clock.GetUtcNow()),
            AdminJsonContext.Default.HealthResponse));

        admin.MapPost("/reset", (EmulatorRuntime runtime, ILogger<EmulatorRuntime> logger) =>
        {
            runtime.Reset();
            logger.LogInformation("State reset to the seeded state");
            return Results.Json(new HealthResponse("reset", runtime.Store.Read(s => s.Accounts.Keys.Order(StringComparer.Ordinal).ToList()),
                runtime.Options.Authentication.ToString().ToLowerInvariant(), runtime.Clock.GetUtcNow()), AdminJsonContext.Default.HealthResponse);
        });

        admin.MapGet("/decisions", (DecisionLog log, string? principal, string? action, string? decision, int? limit) =>
            Results.Json(log.Query(principal, action, decision, Math.Clamp(limit ?? 100, 1, 10000)),
                AdminJsonContext.Default.IReadOnlyListDecisionRecord));
        admin.MapDelete("/decisions", (DecisionLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });
        admin.MapGet("/model", (AwsRequestPipeline pipeline) => Results.Json(new ModelResponse(
                pipeline.Services.ToDictionary(s => s.SigningName, s => (IReadOnlyList<string>)s.Operations.Values.Select(o => o.IamAction).Order(StringComparer.Ordinal).ToList()),
                ConditionOperatorNames(),
                ModelledConditionKeys.All),
            AdminJsonContext.Default.ModelResponse));

        admin.MapGet("/clock", (EmulatorRuntime runtime) => Clock(runtime));
        admin.MapPost("/clock", async (HttpContext http, EmulatorRuntime runtime, ILogger<EmulatorRuntime> logger) =>
        {
            ClockRequest? request;
            try
            {
                request = await JsonSerializer.DeserializeAsync(http.Request.Body, AdminJsonContext.Default.ClockRequest);
            }
            catch (JsonException e)
            {
                return Results.Json(new AdminError($"Body must be JSON like {{\"offsetSeconds\": 3600}} or {{\"time\": \"2030-01-01T00:00:00Z\"}}: {e.Message}"),
                    AdminJsonContext.Default.AdminError, statusCode: 400);
            }

            if (request is null || (request.OffsetSeconds is null && request.Time is null && request.Reset != true))
            {
                return Results.Json(new AdminError("Give one of offsetSeconds (move by), time (move to) or reset: true."),
                    AdminJsonContext.Default.AdminError, statusCode: 400);
            }

            if (request.Reset == true)
            {
                runtime.Clock.Reset();
            }

            if (request.Time is { } time)
            {
                runtime.Clock.SetTime(time);
            }

            if (request.OffsetSeconds is { } seconds)
            {
                runtime.Clock.Advance(TimeSpan.FromSeconds(seconds));
            }

            logger.LogInformation("Clock moved: now {Now}, offset {Offset}", runtime.Clock.GetUtcNow(), runtime.Clock.Offset);
            return Clock(runtime);
        });
    }

    /// <summary>Every operator the grammar accepts; each may also take a ForAnyValue:/ForAllValues: prefix.</summary>
    private static List<string> ConditionOperatorNames() =>
        Enum.GetNames<ConditionOperator>()
            .SelectMany(name => name == nameof(ConditionOperator.Null) ? [name] : new[] { name, name + "IfExists" })
            .ToList();

    private static IResult Clock(EmulatorRuntime runtime) =>
        Results.Json(new ClockResponse(runtime.Clock.GetUtcNow(), runtime.Clock.Offset.TotalSeconds), AdminJsonContext.Default.ClockResponse);
}
