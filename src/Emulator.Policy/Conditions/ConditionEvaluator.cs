using System.Buffers;

namespace Emulator.Policy;

/// <summary>Evaluates one compiled condition against the request context, without allocating.</summary>
internal static class ConditionEvaluator
{
    private const int StackBufferLength = 256;

    public static bool Evaluate(PolicyCondition condition, RequestContext context, ref MissingContextKeys missing)
    {
        var found = context.TryGetValue(condition.ContextKey, out var requestValue);
        if (condition.Family == ConditionFamily.Null)
        {
            return EvaluateNull(condition, found, requestValue);
        }

        if (!found)
        {
            missing.Add(condition.Key);
            if (condition.IfExists)
            {
                return true;
            }

            // A missing key is an empty set: ForAnyValue finds no value, ForAllValues has no value that fails.
            return condition.SetQualifier switch
            {
                ConditionSetQualifier.ForAllValues => true,
                ConditionSetQualifier.ForAnyValue => false,
                _ => condition.IsNegated,
            };
        }

        // Plain operators on a multi-valued key behave as ForAnyValue when positive and as
        // "no value matches" when negated, which is the ForAllValues test of the negated operator.
        var everyValueMustSatisfy = condition.SetQualifier switch
        {
            ConditionSetQualifier.ForAllValues => true,
            ConditionSetQualifier.ForAnyValue => false,
            _ => condition.IsNegated,
        };

        for (var index = 0; index < requestValue.Count; index++)
        {
            var satisfied = ValueSatisfies(condition, requestValue[index], context, ref missing);
            if (everyValueMustSatisfy && !satisfied)
            {
                return false;
            }

            if (!everyValueMustSatisfy && satisfied)
            {
                return true;
            }
        }

        return everyValueMustSatisfy;
    }

    private static bool EvaluateNull(PolicyCondition condition, bool found, ContextValue requestValue)
    {
        // "Null": true tests that the key is absent (or empty), false that it is present.
        var absent = !found || requestValue.Count == 0 || (requestValue.Count == 1 && requestValue[0].Length == 0);
        foreach (var value in condition.CompiledValues)
        {
            if (value.Boolean == absent)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A negated operator's value satisfies it when it matches none of the policy values.</summary>
    private static bool ValueSatisfies(PolicyCondition condition, string requestValue, RequestContext context, ref MissingContextKeys missing)
    {
        var match = MatchesAnyPolicyValue(condition, requestValue, context, ref missing);
        return condition.IsNegated ? match == ValueMatch.NotMatched : match == ValueMatch.Matched;
    }

    private static ValueMatch MatchesAnyPolicyValue(PolicyCondition condition, string requestValue, RequestContext context, ref MissingContextKeys missing)
    {
        return condition.Family switch
        {
            ConditionFamily.String or ConditionFamily.Bool => MatchText(condition, requestValue, context, ref missing),
            ConditionFamily.Numeric => MatchNumber(condition, requestValue),
            ConditionFamily.Date => MatchDate(condition, requestValue),
            ConditionFamily.IpAddress => MatchAddress(condition, requestValue),
            ConditionFamily.Binary => MatchBytes(condition, requestValue),
            _ => MatchArn(condition, requestValue, context, ref missing),
        };
    }

    private static ValueMatch MatchText(PolicyCondition condition, string requestValue, RequestContext context, ref MissingContextKeys missing)
    {
        var comparison = condition.PositiveOperator
            is ConditionOperator.StringEqualsIgnoreCase or ConditionOperator.Bool
            ? StringComparison.OrdinalIgnoreCase
            : StringComparison.Ordinal;
        foreach (var value in condition.CompiledValues)
        {
            bool matched;
            if (value.Template is not null)
            {
                matched = MatchTemplate(value.Template, condition.PositiveOperator, comparison, requestValue, context, ref missing);
            }
            else if (value.LikePattern is not null)
            {
                matched = value.LikePattern.Matches(requestValue);
            }
            else
            {
                matched = string.Equals(value.Text, requestValue, comparison);
            }

            if (matched)
            {
                return ValueMatch.Matched;
            }
        }

        return ValueMatch.NotMatched;
    }

    private static bool MatchTemplate(PolicyTemplate template, ConditionOperator positiveOperator, StringComparison comparison, string requestValue, RequestContext context, ref MissingContextKeys missing) =>
        // An unresolvable variable makes the value match nothing, so positive operators are false and negated ones true.
        positiveOperator == ConditionOperator.StringLike
            ? template.MatchesGlob(requestValue, context, ref missing)
            : template.MatchesText(requestValue, comparison, context, ref missing);

    private static ValueMatch MatchNumber(PolicyCondition condition, string requestValue)
    {
        if (ConditionValue.ParseNumber(requestValue) is not { } number)
        {
            return ValueMatch.Unparsable;
        }

        foreach (var value in condition.CompiledValues)
        {
            if (value.Number is { } policyNumber && Compare(condition.PositiveOperator, number.CompareTo(policyNumber)))
            {
                return ValueMatch.Matched;
            }
        }

        return ValueMatch.NotMatched;
    }

    private static ValueMatch MatchDate(PolicyCondition condition, string requestValue)
    {
        if (!PolicyDate.TryParse(requestValue, out var ticks))
        {
            return ValueMatch.Unparsable;
        }

        foreach (var value in condition.CompiledValues)
        {
            if (value.DateTicks is { } policyTicks && Compare(condition.PositiveOperator, ticks.CompareTo(policyTicks)))
            {
                return ValueMatch.Matched;
            }
        }

        return ValueMatch.NotMatched;
    }

    /// <summary>Applies a comparison operator to <c>request.CompareTo(policy)</c>.</summary>
    private static bool Compare(ConditionOperator positiveOperator, int comparison) => positiveOperator switch
    {
        ConditionOperator.NumericLessThan or ConditionOperator.DateLessThan => comparison < 0,
        ConditionOperator.NumericLessThanEquals or ConditionOperator.DateLessThanEquals => comparison <= 0,
        ConditionOperator.NumericGreaterThan or ConditionOperator.DateGreaterThan => comparison > 0,
        ConditionOperator.NumericGreaterThanEquals or ConditionOperator.DateGreaterThanEquals => comparison >= 0,
        _ => comparison == 0,
    };

    private static ValueMatch MatchAddress(PolicyCondition condition, string requestValue)
    {
        Span<byte> address = stackalloc byte[16];
        if (!IpAddressRange.TryParseAddress(requestValue, address, out var length))
        {
            return ValueMatch.Unparsable;
        }

        foreach (var value in condition.CompiledValues)
        {
            if (value.Network is not null && value.Network.Contains(address[..length]))
            {
                return ValueMatch.Matched;
            }
        }

        return ValueMatch.NotMatched;
    }

    private static ValueMatch MatchBytes(PolicyCondition condition, string requestValue)
    {
        byte[]? rented = null;
        var capacity = requestValue.Length;
        var buffer = capacity <= StackBufferLength
            ? stackalloc byte[StackBufferLength]
            : (rented = ArrayPool<byte>.Shared.Rent(capacity));
        try
        {
            if (!Convert.TryFromBase64String(requestValue, buffer, out var written))
            {
                return ValueMatch.Unparsable;
            }

            foreach (var value in condition.CompiledValues)
            {
                if (value.Bytes is not null && buffer[..written].SequenceEqual(value.Bytes))
                {
                    return ValueMatch.Matched;
                }
            }

            return ValueMatch.NotMatched;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static ValueMatch MatchArn(PolicyCondition condition, string requestValue, RequestContext context, ref MissingContextKeys missing)
    {
        foreach (var value in condition.CompiledValues)
        {
            if (value.ArnPattern is not null && value.ArnPattern.Matches(requestValue, context, ref missing))
            {
                return ValueMatch.Matched;
            }
        }

        return ValueMatch.NotMatched;
    }
}
