namespace Emulator.Server.Authorization;

/// <summary>One authorization decision as the decision log keeps it.</summary>
public sealed record DecisionRecord(
    DateTimeOffset Time,
    string RequestId,
    string Principal,
    string Action,
    string Resource,
    string Decision,
    bool Enforced,
    string Explanation,
    string? Message,
    IReadOnlyList<string> MatchedStatements,
    IReadOnlyList<LayerRecord> Layers,
    IReadOnlyList<string> ContextKeys,
    IReadOnlyList<string> MissingContextKeys);

/// <summary>One policy type's verdict inside a decision.</summary>
public sealed record LayerRecord(string PolicyType, string Verdict, string? Statement);
