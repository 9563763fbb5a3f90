namespace Emulator.Core.Audit;

/// <summary>
/// Where the audit trail lives. Narrow on purpose: an in-memory ring today, a database later, and the
/// pipeline, the admin API and policy generation know only these three operations.
/// </summary>
public interface IAuditTrail
{
    void Append(AuditRecord record);

    /// <summary>The records matching <paramref name="query"/>, newest first.</summary>
    IReadOnlyList<AuditRecord> Query(AuditQuery query);

    void Clear();
}
