namespace Emulator.Policy;

/// <summary>A policy that passed the syntax stage: JSON shapes are right, nothing else is known yet.</summary>
internal sealed record RawPolicy(string? Version, string? Id, IReadOnlyList<RawStatement> Statements);
