namespace Emulator.Policy;

/// <summary>One key of a condition block with its values as text.</summary>
/// <param name="HasBoolean">A value was a JSON boolean (which IAM's legacy parser refuses for dates).</param>
internal sealed record RawConditionEntry(string Key, IReadOnlyList<string> Values, bool HasBoolean);
