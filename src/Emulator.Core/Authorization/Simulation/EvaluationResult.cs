using Emulator.Policy;

namespace Emulator.Core.Authorization.Simulation;

/// <summary>The simulated decision for one action on one resource.</summary>
/// <param name="EvalDecisionDetails">Per policy type (<c>IAM Policy</c>, <c>Resource Policy</c>); empty unless a resource policy took part.</param>
/// <param name="AllowedByPermissionsBoundary">Whether the boundary allows the request; null when no boundary was involved.</param>
public sealed record EvaluationResult(
    string EvalActionName,
    string EvalResourceName,
    DecisionEffect EvalDecision,
    IReadOnlyList<MatchedStatement> MatchedStatements,
    IReadOnlyList<string> MissingContextValues,
    IReadOnlyList<KeyValuePair<string, DecisionEffect>> EvalDecisionDetails,
    bool? AllowedByPermissionsBoundary);
