namespace Emulator.Policy;

/// <summary>Reads operator names such as <c>ForAnyValue:StringLikeIfExists</c>, and classifies operators.</summary>
internal static class ConditionOperatorName
{
    private const string IfExistsSuffix = "IfExists";
    private const string ForAnyValuePrefix = "ForAnyValue:";
    private const string ForAllValuesPrefix = "ForAllValues:";

    /// <summary>
    /// Strips one set-qualifier prefix and one <c>IfExists</c> suffix, then looks the rest up
    /// (case-sensitively, as IAM's validator does).
    /// </summary>
    public static bool TryParse(string name, out ConditionOperator conditionOperator, out ConditionSetQualifier qualifier, out bool ifExists)
    {
        var rest = name.AsSpan();
        qualifier = ConditionSetQualifier.None;
        if (rest.StartsWith(ForAnyValuePrefix, StringComparison.Ordinal))
        {
            qualifier = ConditionSetQualifier.ForAnyValue;
            rest = rest[ForAnyValuePrefix.Length..];
        }
        else if (rest.StartsWith(ForAllValuesPrefix, StringComparison.Ordinal))
        {
            qualifier = ConditionSetQualifier.ForAllValues;
            rest = rest[ForAllValuesPrefix.Length..];
        }

        ifExists = rest.EndsWith(IfExistsSuffix, StringComparison.Ordinal);
        if (ifExists)
        {
            rest = rest[..^IfExistsSuffix.Length];
        }

        // Enum.TryParse would also accept digits and other casings; IAM accepts exactly the names.
        foreach (var candidate in Enum.GetValues<ConditionOperator>())
        {
            if (rest.SequenceEqual(candidate.ToString()))
            {
                conditionOperator = candidate;
                return true;
            }
        }

        conditionOperator = default;
        return false;
    }

    public static ConditionFamily FamilyOf(ConditionOperator conditionOperator) => conditionOperator switch
    {
        <= ConditionOperator.StringNotLike => ConditionFamily.String,
        <= ConditionOperator.NumericGreaterThanEquals => ConditionFamily.Numeric,
        <= ConditionOperator.DateGreaterThanEquals => ConditionFamily.Date,
        ConditionOperator.Bool => ConditionFamily.Bool,
        ConditionOperator.BinaryEquals => ConditionFamily.Binary,
        ConditionOperator.IpAddress or ConditionOperator.NotIpAddress => ConditionFamily.IpAddress,
        ConditionOperator.Null => ConditionFamily.Null,
        _ => ConditionFamily.Arn,
    };

    /// <summary>
    /// The positive operator a negated one is the complement of (<c>StringNotLike</c> → <c>StringLike</c>),
    /// or the operator itself. Negated operators are true when a request value matches none of the policy values.
    /// </summary>
    public static ConditionOperator PositiveOf(ConditionOperator conditionOperator, out bool isNegated)
    {
        isNegated = true;
        switch (conditionOperator)
        {
            case ConditionOperator.StringNotEquals:
                return ConditionOperator.StringEquals;
            case ConditionOperator.StringNotEqualsIgnoreCase:
                return ConditionOperator.StringEqualsIgnoreCase;
            case ConditionOperator.StringNotLike:
                return ConditionOperator.StringLike;
            case ConditionOperator.NumericNotEquals:
                return ConditionOperator.NumericEquals;
            case ConditionOperator.DateNotEquals:
                return ConditionOperator.DateEquals;
            case ConditionOperator.NotIpAddress:
                return ConditionOperator.IpAddress;
            case ConditionOperator.ArnNotEquals:
            case ConditionOperator.ArnNotLike:
                return ConditionOperator.ArnLike;
            case ConditionOperator.ArnEquals:
                // ArnEquals behaves exactly like ArnLike.
                isNegated = false;
                return ConditionOperator.ArnLike;
            default:
                isNegated = false;
                return conditionOperator;
        }
    }
}
