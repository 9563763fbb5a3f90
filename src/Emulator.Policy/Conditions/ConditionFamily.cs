namespace Emulator.Policy;

/// <summary>How an operator reads its values: decides what is pre-parsed at write time.</summary>
internal enum ConditionFamily : byte
{
    String,
    Numeric,
    Date,
    Bool,
    Binary,
    IpAddress,
    Arn,
    Null,
}
