namespace Emulator.Core.Audit;

/// <summary>What the trail keeps per call: the CloudTrail event, its time as a value, and the authorization requests evaluated.</summary>
public sealed record AuditRecord(AuditEvent Event, DateTimeOffset Time, IReadOnlyList<AuditedAuthorization> Authorizations)
{
    public bool Succeeded => Event.ErrorCode is null;
}
