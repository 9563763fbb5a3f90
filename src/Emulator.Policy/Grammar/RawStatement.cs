namespace Emulator.Policy;

/// <summary>One statement after the syntax stage. A null element is absent; lists keep JSON nulls as null items.</summary>
internal sealed record RawStatement(
    int Index,
    string? Sid,
    string Effect,
    RawStringList? Action,
    RawStringList? NotAction,
    RawStringList? Resource,
    RawStringList? NotResource,
    IReadOnlyList<PolicyPrincipal>? Principal,
    IReadOnlyList<PolicyPrincipal>? NotPrincipal,
    IReadOnlyList<RawConditionBlock>? Condition);
