namespace Emulator.Core.Audit.Generation;

/// <summary>How many recorded authorization requests were replayed under the generated policy, and any it denied (never expected).</summary>
public sealed record PolicyReplay(int Requests, int Denied, IReadOnlyList<AuditedAuthorization> DeniedRequests);
