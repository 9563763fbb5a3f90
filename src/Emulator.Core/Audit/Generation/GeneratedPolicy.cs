namespace Emulator.Core.Audit.Generation;

/// <summary>
/// The least-privilege identity policy for what a principal did successfully in a time range, with the proof:
/// every authorization request of those calls replayed under the policy (<see cref="Replay"/> must show no denial).
/// <see cref="PolicyDocument"/> is null when the principal made no call that needed a permission.
/// </summary>
public sealed record GeneratedPolicy(
    string PrincipalArn,
    string? PolicyDocument,
    int Events,
    int Requests,
    PolicyReplay Replay,
    IReadOnlyList<DeniedCall> DeniedCalls);
