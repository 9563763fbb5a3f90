namespace Emulator.Policy;

/// <summary>How one character of a compiled pattern matches.</summary>
/// <remarks>
/// Kept beside the characters rather than inferred from them because the escapes <c>${*}</c> and
/// <c>${?}</c> put a literal <c>*</c> or <c>?</c> into a pattern.
/// </remarks>
internal enum GlobUnitKind : byte
{
    Literal,
    AnyRun,
    AnyOne,
}
