using System.Globalization;
using Emulator.Core.Audit;
using Emulator.Core.Audit.Generation;
using static Emulator.Server.Admin.AdminResponses;

namespace Emulator.Server.Audit;

/// <summary>
/// The audit trail's admin API: <c>GET /_emulator/trail</c> (LookupEvents-like filters, newest first),
/// <c>DELETE /_emulator/trail</c>, and <c>POST /_emulator/policy-generation</c> (least privilege from the trail).
/// <c>/_emulator/reset</c> leaves the trail alone: resetting state does not rewrite history.
/// </summary>
public static class TrailEndpoints
{
    private const int DefaultLimit = 1000;
    private const int MaxLimit = 100_000;

    private static readonly string[] Filters = ["startTime", "endTime", "principal", "eventName", "errorCode", "resource", "eventSource", "limit"];

    public static void MapTrail(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/_emulator");
        admin.MapGet("/trail", (HttpContext http, IAuditTrail trail) =>
        {
            var (query, invalid) = Query(http.Request.Query);
            return invalid is not null
                ? Error(invalid)
                : Results.Json(new TrailResponse(trail.Query(query!).Select(r => r.Event).ToList()), TrailJsonContext.Default.TrailResponse);
        });
        admin.MapDelete("/trail", (IAuditTrail trail, ILogger<AuditRecorder> logger) =>
        {
            trail.Clear();
            logger.LogInformation("Audit trail cleared");
            return Results.NoContent();
        });
        admin.MapPost("/policy-generation", async (HttpContext http, IAuditTrail trail) =>
        {
            var (request, unreadable) = await ReadJsonAsync(http, TrailJsonContext.Default.PolicyGenerationRequest);
            if (unreadable is not null)
            {
                return Error($"Body must be JSON like {{\"principalArn\": \"arn:aws:iam::123456789012:role/web\", \"startTime\": \"2030-01-01T00:00:00Z\", \"endTime\": \"2030-01-02T00:00:00Z\"}}: {unreadable}");
            }

            if (request?.PrincipalArn is not { Length: > 0 } principalArn || !PolicyGenerator.IsSupportedPrincipal(principalArn))
            {
                return Error($"principalArn must be an IAM role or user ARN (arn:aws:iam::123456789012:role/name), not '{request?.PrincipalArn}'.");
            }

            if (request.StartTime > request.EndTime)
            {
                return Error($"startTime ({request.StartTime:O}) is after endTime ({request.EndTime:O}).");
            }

            var everything = trail.Query(new AuditQuery { Principal = principalArn });
            if (!everything.Any(r => PolicyGenerator.IsCallBy(r, principalArn)))
            {
                return Error($"The trail holds no call by {principalArn} (a role's calls are its sessions').");
            }

            var inRange = everything.Where(r => (request.StartTime is null || r.Time >= request.StartTime) && (request.EndTime is null || r.Time <= request.EndTime));
            return Results.Json(PolicyGenerator.Generate(principalArn, inRange), TrailJsonContext.Default.GeneratedPolicy);
        });
    }

    /// <summary>The filters of a trail query, or why one is invalid; an unknown name is refused rather than ignored.</summary>
    private static (AuditQuery? Query, string? Invalid) Query(IQueryCollection parameters)
    {
        if (parameters.Keys.FirstOrDefault(k => !Filters.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            return (null, $"Unknown filter '{unknown}'. The trail is filtered by {string.Join(", ", Filters)}.");
        }

        var query = new AuditQuery
        {
            Principal = Text(parameters, "principal"),
            EventName = Text(parameters, "eventName"),
            ErrorCode = Text(parameters, "errorCode"),
            Resource = Text(parameters, "resource"),
            EventSource = Text(parameters, "eventSource"),
            Limit = DefaultLimit,
        };
        foreach (var name in new[] { "startTime", "endTime" })
        {
            if (Text(parameters, name) is not { } text)
            {
                continue;
            }

            if (!TryParseTime(text, out var time))
            {
                return (null, $"{name} must be an ISO-8601 time such as 2030-01-01T00:00:00Z, not '{text}'.");
            }

            query = name == "startTime" ? query with { StartTime = time } : query with { EndTime = time };
        }

        if (query.StartTime > query.EndTime)
        {
            return (null, $"startTime ({query.StartTime:O}) is after endTime ({query.EndTime:O}).");
        }

        if (Text(parameters, "limit") is { } limit)
        {
            if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > MaxLimit)
            {
                return (null, $"limit must be a whole number from 1 to {MaxLimit}, not '{limit}'.");
            }

            query = query with { Limit = count };
        }

        return (query, null);
    }

    private static string? Text(IQueryCollection parameters, string name) =>
        parameters.TryGetValue(name, out var values) && values.Count > 0 && values[^1] is { Length: > 0 } value ? value : null;

    /// <summary>ISO-8601 date or date-time; a time without an offset is UTC, as CloudTrail's times are.</summary>
    private static bool TryParseTime(string text, out DateTimeOffset time)
    {
        time = default;
        return text.Length >= 10 && text[4] == '-' && text[7] == '-'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }
}
