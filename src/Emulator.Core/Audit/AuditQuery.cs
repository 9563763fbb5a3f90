namespace Emulator.Core.Audit;

/// <summary>
/// LookupEvents-like filters, all optional and combined with AND. <see cref="Principal"/> matches the caller's
/// ARN, its session issuer's ARN (a role's sessions) or its access key id; <see cref="Resource"/> an ARN in resources.
/// </summary>
public sealed record AuditQuery
{
    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    public string? Principal { get; init; }

    public string? EventName { get; init; }

    public string? ErrorCode { get; init; }

    public string? Resource { get; init; }

    public string? EventSource { get; init; }

    /// <summary>At most this many records, newest first; null: all that match.</summary>
    public int? Limit { get; init; }

    public bool Matches(AuditRecord record)
    {
        var e = record.Event;
        return (StartTime is null || record.Time >= StartTime)
            && (EndTime is null || record.Time <= EndTime)
            && (Principal is null || IsBy(e.UserIdentity, Principal))
            && (EventName is null || string.Equals(e.EventName, EventName, StringComparison.Ordinal))
            && (ErrorCode is null || string.Equals(e.ErrorCode, ErrorCode, StringComparison.Ordinal))
            && (EventSource is null || string.Equals(e.EventSource, EventSource, StringComparison.OrdinalIgnoreCase))
            && (Resource is null || (e.Resources ?? []).Any(r => string.Equals(r.Arn, Resource, StringComparison.Ordinal)));
    }

    private static bool IsBy(AuditUserIdentity identity, string principal) =>
        string.Equals(identity.Arn, principal, StringComparison.OrdinalIgnoreCase)
        || string.Equals(identity.SessionContext?.SessionIssuer?.Arn, principal, StringComparison.OrdinalIgnoreCase)
        || string.Equals(identity.AccessKeyId, principal, StringComparison.Ordinal);
}
