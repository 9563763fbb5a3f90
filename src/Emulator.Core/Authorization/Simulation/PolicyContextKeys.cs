using Emulator.Policy;

namespace Emulator.Core.Authorization.Simulation;

/// <summary>
/// The context keys policies reference, for GetContextKeysFor*Policy: every condition key, and every
/// <c>${key}</c> variable where AWS substitutes variables (the resource part of Resource/NotResource and
/// the values of String, Bool and ARN conditions, in Version 2012-10-17 documents).
/// </summary>
/// <remarks>
/// Emulator.Policy keeps its variable templates internal, so the variable syntax is read here from the text
/// as written: <c>${key}</c>, <c>${key, 'default'}</c>, and the escapes <c>${*}</c>, <c>${?}</c>, <c>${$}</c>,
/// which name no key.
/// </remarks>
public static class PolicyContextKeys
{
    private const int ArnSegmentsBeforeResource = 5;

    /// <summary>Distinct keys (case-insensitively, first spelling kept), in document order.</summary>
    public static IReadOnlyList<string> Referenced(IEnumerable<PolicyDocument> documents)
    {
        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Add(string key)
        {
            if (seen.Add(key))
            {
                keys.Add(key);
            }
        }

        foreach (var document in documents)
        {
            foreach (var statement in document.Statements)
            {
                if (document.SubstitutesVariables)
                {
                    foreach (var resource in statement.Resources)
                    {
                        AddVariables(ResourcePart(resource), Add);
                    }
                }

                foreach (var condition in statement.Conditions)
                {
                    Add(condition.Key);
                    if (document.SubstitutesVariables && TakesVariables(condition.Operator))
                    {
                        foreach (var value in condition.Values)
                        {
                            AddVariables(value, Add);
                        }
                    }
                }
            }
        }

        return keys;
    }

    /// <summary>The part after the fifth colon, the only part of an ARN where variables are substituted.</summary>
    private static string ResourcePart(string arn)
    {
        var start = 0;
        for (var colons = 0; colons < ArnSegmentsBeforeResource; colons++)
        {
            var colon = arn.IndexOf(':', start);
            if (colon < 0)
            {
                return string.Empty;
            }

            start = colon + 1;
        }

        return arn[start..];
    }

    private static bool TakesVariables(ConditionOperator conditionOperator) => conditionOperator is
        ConditionOperator.StringEquals or ConditionOperator.StringNotEquals or ConditionOperator.StringEqualsIgnoreCase
        or ConditionOperator.StringNotEqualsIgnoreCase or ConditionOperator.StringLike or ConditionOperator.StringNotLike
        or ConditionOperator.Bool or ConditionOperator.ArnEquals or ConditionOperator.ArnLike
        or ConditionOperator.ArnNotEquals or ConditionOperator.ArnNotLike;

    private static void AddVariables(string text, Action<string> add)
    {
        var searchFrom = 0;
        int start;
        while ((start = text.IndexOf("${", searchFrom, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf('}', start + 2);
            if (end < 0)
            {
                return;
            }

            var inner = text.AsSpan(start + 2, end - start - 2);
            var comma = inner.IndexOf(',');
            var key = (comma < 0 ? inner : inner[..comma]).Trim();
            var rest = comma < 0 ? default : inner[(comma + 1)..].Trim();
            var badDefault = comma >= 0 && (rest.Length < 2 || rest[0] != '\'' || rest[^1] != '\'');
            if (key.IsEmpty || key is "*" or "?" or "$" || key.ContainsAny('\'', '$') || badDefault)
            {
                // An escape, or text AWS does not read as a variable: the characters stay literal.
                searchFrom = start + 2;
                continue;
            }

            add(key.ToString());
            searchFrom = end + 1;
        }
    }
}
