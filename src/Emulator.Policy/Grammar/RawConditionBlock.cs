namespace Emulator.Policy;

/// <summary>One <c>"Operator": { "key": value(s) }</c> block of a <c>Condition</c>.</summary>
internal sealed record RawConditionBlock(string Operator, IReadOnlyList<RawConditionEntry> Entries);
