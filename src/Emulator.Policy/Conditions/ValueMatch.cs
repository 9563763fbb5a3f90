namespace Emulator.Policy;

/// <summary>How one request value compares with a condition's policy values.</summary>
internal enum ValueMatch : byte
{
    Matched,
    NotMatched,

    /// <summary>The request value is not of the operator's type (a number for Numeric…): the condition is false.</summary>
    Unparsable,
}
