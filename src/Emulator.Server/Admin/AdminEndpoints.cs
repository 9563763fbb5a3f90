using Emulator.Core.Time;
using Emulator.Policy;
using Emulator.Server.Authorization;
using Emulator.Server.Hosting;
using Emulator.Server.Pipeline;
using static Emulator.Server.Admin.AdminResponses;

namespace Emulator.Server.Admin;

/// <summary>The emulator's own API under /_emulator: health, reset to the seeded state, and the clock.</summary>
public static class AdminEndpoints
{
    private const int MaxDecisions = 10000;

    /// <summary>100 Julian years: far enough for any expiry test, small enough that no arithmetic overflows.</summary>
    private const double MaxOffsetSeconds = 100 * 365.25 * 24 * 3600;

    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/_emulator");
        admin.MapGet("/health", (EmulatorRuntime runtime) => Results.Json(
            new HealthResponse("ok", runtime.Iam.Account.AccountIds(),
                runtime.Options.Authentication.ToString().ToLowerInvariant(), runtime.Clock.GetUtcNow()),
            AdminJsonContext.Default.HealthResponse));

        admin.MapPost("/reset", (EmulatorRuntime runtime, ILogger<EmulatorRuntime> logger) =>
        {
            runtime.Reset();
            logger.LogInformation("State reset to the seeded state");
            return Results.Json(new HealthResponse("reset", runtime.Iam.Account.AccountIds(),
                runtime.Options.Authentication.ToString().ToLowerInvariant(), runtime.Clock.GetUtcNow()), AdminJsonContext.Default.HealthResponse);
        });

        // limit is bound as text and parsed here: a binding failure would be a bare 400 without a reason.
        admin.MapGet("/decisions", (DecisionLog log, string? principal, string? action, string? decision, string? limit) =>
        {
            var count = 100;
            if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxDecisions))
            {
                return Error($"limit must be a whole number from 1 to {MaxDecisions}, not '{limit}'.");
            }

            return Results.Json(log.Query(principal, action, decision, count), AdminJsonContext.Default.IReadOnlyListDecisionRecord);
        });
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
            var (request, unreadable) = await ReadJsonAsync(http, AdminJsonContext.Default.ClockRequest);
            if (unreadable is not null)
            {
                return Error($"Body must be JSON like {{\"offsetSeconds\": 3600}} or {{\"time\": \"2030-01-01T00:00:00Z\"}}: {unreadable}");
            }

            if (request is null || (request.OffsetSeconds is null && request.Time is null && request.Reset != true))
            {
                return Error("Give one of offsetSeconds (move by), time (move to) or reset: true.");
            }

            if (CheckClockMove(runtime.Clock, request) is { } invalid)
            {
                return Error(invalid);
            }

            try
            {
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
            }
            catch (ArgumentOutOfRangeException)
            {
                // Real time moved past the limit between the check and the move.
                return Error($"The clock must stay {AdjustableTimeProvider.RangeText}.");
            }

            logger.LogInformation("Clock moved: now {Now}, offset {Offset}", runtime.Clock.GetUtcNow(), runtime.Clock.Offset);
            return Clock(runtime);
        });
    }

    /// <summary>Why the move would take the clock out of range, or null; checked whole before any part of it is applied.</summary>
    private static string? CheckClockMove(AdjustableTimeProvider clock, ClockRequest request)
    {
        var target = request.Reset == true ? clock.GetUtcNow() - clock.Offset : clock.GetUtcNow();
        if (request.Time is { } time)
        {
            if (!AdjustableTimeProvider.IsInRange(time.UtcTicks))
            {
                return $"time must be {AdjustableTimeProvider.RangeText}, not {time:O}.";
            }

            target = time;
        }

        if (request.OffsetSeconds is { } seconds)
        {
            if (!double.IsFinite(seconds) || Math.Abs(seconds) > MaxOffsetSeconds)
            {
                return $"offsetSeconds must be a finite number of seconds of at most 100 years ({MaxOffsetSeconds:F0}) either way, not {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}.";
            }

            var moved = target.UtcTicks + (long)(seconds * TimeSpan.TicksPerSecond);
            if (!AdjustableTimeProvider.IsInRange(moved))
            {
                return $"Moving the clock by {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} seconds would take it outside the range it must stay in, {AdjustableTimeProvider.RangeText}.";
            }
        }

        return null;
    }

    /// <summary>An admin path that does not exist (404), or exists for other methods (405), as an AdminError.</summary>
    public static IResult NotFound(HttpContext http, EndpointDataSource endpoints)
    {
        var path = http.Request.Path.Value ?? "";
        var known = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Any(e => e.RoutePattern.RawText is { } pattern && !pattern.Contains('{', StringComparison.Ordinal)
                && string.Equals(pattern.TrimEnd('/'), path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
        return known
            ? Error($"{http.Request.Method} is not allowed on {path}.", StatusCodes.Status405MethodNotAllowed)
            : Error($"There is no admin endpoint {path}; the README lists them.", StatusCodes.Status404NotFound);
    }

    /// <summary>Every operator the grammar accepts; each may also take a ForAnyValue:/ForAllValues: prefix.</summary>
    private static List<string> ConditionOperatorNames() =>
        Enum.GetNames<ConditionOperator>()
            .SelectMany(name => name == nameof(ConditionOperator.Null) ? [name] : new[] { name, name + "IfExists" })
            .ToList();

    private static IResult Clock(EmulatorRuntime runtime) =>
        Results.Json(new ClockResponse(runtime.Clock.GetUtcNow(), runtime.Clock.Offset.TotalSeconds), AdminJsonContext.Default.ClockResponse);
}
