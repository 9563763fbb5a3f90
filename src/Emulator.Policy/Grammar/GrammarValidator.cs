namespace Emulator.Policy;

/// <summary>
/// The stages after syntax, in IAM's order: version → legacy parse → SID uniqueness → actions present →
/// resource format → action vendor prefix → the checks of the policy kind. IAM reports only the first failure.
/// </summary>
internal static class GrammarValidator
{
    /// <summary>Actions a trust policy may grant (wildcards that cover one of them are accepted too).</summary>
    private static readonly string[] TrustPolicyActions =
    [
        "sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML",
        "sts:TagSession", "sts:SetSourceIdentity", "sts:SetContext",
    ];

    public static string? Validate(RawPolicy policy, PolicyKind kind)
    {
        if (kind == PolicyKind.Managed && policy.Version != PolicyDocument.CurrentVersion)
        {
            return PolicyGrammarMessages.VersionRequired;
        }

        if (!PassesLegacyParsing(policy, out var resourceError))
        {
            return PolicyGrammarMessages.LegacyParsingFailed;
        }

        return CheckSidsAreUnique(policy)
            ?? CheckActionsPresent(policy)
            ?? resourceError
            ?? CheckActionVendors(policy)
            ?? kind switch
            {
                PolicyKind.Trust => CheckTrustPolicy(policy),
                PolicyKind.Resource => CheckResourcePolicy(policy),
                _ => CheckPermissionsPolicy(policy),
            };
    }

    /// <summary>
    /// The legacy parser: exact-case Effect, well-formed date values, and ARN shapes. Resource-format errors are
    /// found here but reported later (after SID and action checks); once one is found IAM stops checking
    /// ARN shapes. When several resources are malformed the last one checked names the error.
    /// </summary>
    private static bool PassesLegacyParsing(RawPolicy policy, out string? resourceError)
    {
        resourceError = null;
        foreach (var statement in policy.Statements)
        {
            if (statement.Effect is not ("Allow" or "Deny") || !DatesPassLegacyParsing(statement))
            {
                return false;
            }
        }

        foreach (var useNotResource in (ReadOnlySpan<bool>)[false, true])
        {
            foreach (var statement in policy.Statements)
            {
                var list = useNotResource ? statement.NotResource : statement.Resource;
                if (list is null)
                {
                    continue;
                }

                foreach (var resource in ResourcesInCheckOrder(list))
                {
                    resourceError = ResourceFormat.Check(resource) ?? resourceError;
                }

                if (resourceError is null)
                {
                    foreach (var resource in ResourcesInCheckOrder(list))
                    {
                        if (!ResourceFormat.PassesLegacyParsing(resource))
                        {
                            return false;
                        }
                    }
                }
            }
        }

        return true;
    }

    /// <summary>A single string as is; an array without its null and empty items, in descending ordinal order.</summary>
    private static List<string> ResourcesInCheckOrder(RawStringList list)
    {
        if (!list.IsArray)
        {
            return [list.Items[0] ?? string.Empty];
        }

        var resources = new List<string>();
        foreach (var item in list.Items)
        {
            if (!string.IsNullOrEmpty(item))
            {
                resources.Add(item);
            }
        }

        resources.Sort(static (left, right) => string.CompareOrdinal(right, left));
        return resources;
    }

    private static bool DatesPassLegacyParsing(RawStatement statement)
    {
        if (statement.Condition is null)
        {
            return true;
        }

        foreach (var block in statement.Condition)
        {
            if (!ConditionOperatorName.TryParse(block.Operator, out var conditionOperator, out _, out _)
                || ConditionOperatorName.FamilyOf(conditionOperator) != ConditionFamily.Date)
            {
                continue;
            }

            foreach (var entry in block.Entries)
            {
                if (entry.HasBoolean)
                {
                    return false;
                }

                foreach (var value in entry.Values)
                {
                    if (!PolicyDate.IsLegacyValid(value))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    private static string? CheckSidsAreUnique(RawPolicy policy)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var statement in policy.Statements)
        {
            // An empty Sid is not an id: several statements may have one.
            if (!string.IsNullOrEmpty(statement.Sid) && !seen.Add(statement.Sid))
            {
                return PolicyGrammarMessages.DuplicateSid;
            }
        }

        return null;
    }

    private static string? CheckActionsPresent(RawPolicy policy)
    {
        foreach (var statement in policy.Statements)
        {
            var actions = statement.Action ?? statement.NotAction;
            if (actions is null || (actions.IsArray && actions.Items.Count == 0))
            {
                return PolicyGrammarMessages.MissingActions;
            }
        }

        return null;
    }

    private static string? CheckActionVendors(RawPolicy policy)
    {
        foreach (var useNotAction in (ReadOnlySpan<bool>)[false, true])
        {
            foreach (var statement in policy.Statements)
            {
                var list = useNotAction ? statement.NotAction : statement.Action;
                if (list is null)
                {
                    continue;
                }

                foreach (var action in list.Items)
                {
                    if (action is not null && CheckActionVendor(action) is { } error)
                    {
                        return error;
                    }
                }
            }
        }

        return null;
    }

    private static string? CheckActionVendor(string action)
    {
        var parts = action.Split(':');
        if (parts.Length == 1 && parts[0] != "*")
        {
            return PolicyGrammarMessages.MissingVendor;
        }

        if (parts.Length > 2)
        {
            return PolicyGrammarMessages.TooManyColons;
        }

        var vendor = parts[0];
        if (vendor == "*")
        {
            return null;
        }

        foreach (var character in vendor)
        {
            if (!(char.IsAsciiLetterOrDigit(character) || character is '-' or '.'))
            {
                return PolicyGrammarMessages.InvalidVendor(vendor);
            }
        }

        return null;
    }

    /// <summary>Identity, managed and session policies: no principal, and every statement names resources.</summary>
    private static string? CheckPermissionsPolicy(RawPolicy policy)
    {
        foreach (var statement in policy.Statements)
        {
            if (statement.Principal is not null || statement.NotPrincipal is not null)
            {
                return PolicyGrammarMessages.PrincipalNotAllowed;
            }
        }

        return CheckResourcesPresent(policy);
    }

    /// <summary>Other resource-based policies: every statement names a principal (or NotPrincipal) and resources.</summary>
    private static string? CheckResourcePolicy(RawPolicy policy)
    {
        foreach (var statement in policy.Statements)
        {
            if (statement.Principal is null && statement.NotPrincipal is null)
            {
                return PolicyGrammarMessages.MissingPrincipal;
            }
        }

        return CheckResourcesPresent(policy);
    }

    private static string? CheckResourcesPresent(RawPolicy policy)
    {
        foreach (var statement in policy.Statements)
        {
            var resources = statement.Resource ?? statement.NotResource;
            if (resources is null || (resources.IsArray && resources.Items.Count == 0))
            {
                return PolicyGrammarMessages.MissingResources;
            }
        }

        return null;
    }

    /// <summary>Role trust policies: STS assume/tag actions only, no Resource, a Principal and no NotPrincipal.</summary>
    private static string? CheckTrustPolicy(RawPolicy policy)
    {
        foreach (var statement in policy.Statements)
        {
            if (statement.NotAction is not null)
            {
                return PolicyGrammarMessages.TrustPolicyActions;
            }

            foreach (var action in statement.Action!.Items)
            {
                if (action is not null && !IsTrustPolicyAction(action))
                {
                    return PolicyGrammarMessages.TrustPolicyActions;
                }
            }
        }

        foreach (var statement in policy.Statements)
        {
            if (statement.Resource is not null)
            {
                return PolicyGrammarMessages.ProhibitedField("Resource");
            }

            if (statement.NotResource is not null)
            {
                return PolicyGrammarMessages.ProhibitedField("NotResource");
            }

            if (statement.NotPrincipal is not null)
            {
                return PolicyGrammarMessages.ProhibitedField("NotPrincipal");
            }

            if (statement.Principal is null)
            {
                return PolicyGrammarMessages.MissingPrincipal;
            }
        }

        foreach (var statement in policy.Statements)
        {
            foreach (var principal in statement.Principal!)
            {
                if (principal.Type == PolicyPrincipal.AwsType
                    && PrincipalEntry.Create(principal).Kind == PrincipalEntryKind.Unrecognized)
                {
                    return principal.InvalidPrincipalMessage();
                }
            }
        }

        return null;
    }

    private static bool IsTrustPolicyAction(string action)
    {
        var pattern = new ActionPattern(action);
        foreach (var allowed in TrustPolicyActions)
        {
            if (pattern.Matches(allowed))
            {
                return true;
            }
        }

        return false;
    }
}
