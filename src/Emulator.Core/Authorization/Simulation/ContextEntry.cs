namespace Emulator.Core.Authorization.Simulation;

/// <summary>One <c>ContextEntries.member.N</c> of a simulation: a context key, its values and AWS's type name for them.</summary>
/// <param name="ContextKeyType"><c>string</c>, <c>stringList</c>, <c>numeric</c>, … <c>dateList</c>; the <c>…List</c> types make a multi-valued key.</param>
public sealed record ContextEntry(string? ContextKeyName, IReadOnlyList<string> ContextKeyValues, string? ContextKeyType)
{
    public static IReadOnlyList<string> Types { get; } =
        ["string", "stringList", "numeric", "numericList", "boolean", "booleanList", "ip", "ipList", "binary", "binaryList", "date", "dateList"];

    /// <summary>List types are sets even with one value (ForAnyValue/ForAllValues see them as sets); several values are a set whatever the type says.</summary>
    public bool IsMultiValued =>
        ContextKeyValues.Count > 1 || (ContextKeyType?.EndsWith("List", StringComparison.Ordinal) ?? false);
}
