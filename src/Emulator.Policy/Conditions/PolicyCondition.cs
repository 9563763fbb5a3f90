namespace Emulator.Policy;

/// <summary>
/// One operator/key pair of a statement's <c>Condition</c> block, with its values compiled for evaluation.
/// A statement's conditions are AND-ed; the values of one condition are OR-ed.
/// </summary>
public sealed class PolicyCondition
{
    internal PolicyCondition(string operatorName, ConditionOperator conditionOperator, ConditionSetQualifier setQualifier, bool ifExists, string key, IReadOnlyList<string> values, bool variablesEnabled)
    {
        OperatorName = operatorName;
        Operator = conditionOperator;
        SetQualifier = setQualifier;
        IfExists = ifExists && conditionOperator != ConditionOperator.Null;
        Key = key;
        ContextKey = new ContextKey(key);
        Values = values;
        PositiveOperator = ConditionOperatorName.PositiveOf(conditionOperator, out var isNegated);
        IsNegated = isNegated;
        Family = ConditionOperatorName.FamilyOf(conditionOperator);
        var compiled = new ConditionValue[values.Count];
        for (var index = 0; index < compiled.Length; index++)
        {
            compiled[index] = ConditionValue.Compile(values[index], PositiveOperator, variablesEnabled);
        }

        CompiledValues = compiled;
    }

    /// <summary>The operator as written, e.g. <c>ForAnyValue:StringLikeIfExists</c>.</summary>
    public string OperatorName { get; }

    /// <summary>The base operator, without qualifier or <c>IfExists</c>.</summary>
    public ConditionOperator Operator { get; }

    public ConditionSetQualifier SetQualifier { get; }

    /// <summary>True for <c>…IfExists</c>: a missing key satisfies the condition. Never set for <c>Null</c>.</summary>
    public bool IfExists { get; }

    /// <summary>The condition key as written; looked up case-insensitively.</summary>
    public string Key { get; }

    /// <summary><see cref="Key"/> ready for lookup.</summary>
    internal ContextKey ContextKey { get; }

    /// <summary>The policy values as written.</summary>
    public IReadOnlyList<string> Values { get; }

    internal ConditionOperator PositiveOperator { get; }

    internal bool IsNegated { get; }

    internal ConditionFamily Family { get; }

    internal ConditionValue[] CompiledValues { get; }

    public override string ToString() => $"{OperatorName}: {Key}";
}
