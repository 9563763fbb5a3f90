using System.Text.Json;

namespace Emulator.Policy;

/// <summary>
/// The syntax stage: reads the JSON with <see cref="JsonDocument"/> (no reflection, AOT-safe) and checks every
/// shape IAM reports as "Syntax errors in policy.". Returns null for any such error, telling apart text that
/// is not JSON at all (IAM: "This policy contains invalid Json").
/// </summary>
/// <remarks>
/// A repeated JSON member keeps its last value, as most JSON readers (and the validator IAM's messages were
/// recorded against) do; AWS does not document duplicates.
/// </remarks>
internal static class PolicyJsonReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    public static RawPolicy? Read(string document, out bool invalidJson)
    {
        invalidJson = false;
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(document, Options);
        }
        catch (JsonException)
        {
            invalidJson = true;
            return null;
        }
        catch (ArgumentException)
        {
            // Invalid UTF-16 (a lone surrogate) in the input string.
            invalidJson = true;
            return null;
        }

        using (json)
        {
            try
            {
                return ReadPolicy(json.RootElement);
            }
            catch (InvalidOperationException)
            {
                // A string escape that is not valid UTF-16 (e.g. "\ud800") cannot be read as text.
                return null;
            }
        }
    }

    private static RawPolicy? ReadPolicy(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        JsonElement? version = null;
        JsonElement? id = null;
        JsonElement? statement = null;
        foreach (var member in root.EnumerateObject())
        {
            switch (member.Name)
            {
                case "Version":
                    version = member.Value;
                    break;
                case "Id":
                    id = member.Value;
                    break;
                case "Statement":
                    statement = member.Value;
                    break;
                case "Conditions":
                    // Accepted at the top level by IAM and ignored.
                    break;
                default:
                    return null;
            }
        }

        var versionText = version?.ValueKind == JsonValueKind.String ? version.Value.GetString() : null;
        if (version is not null && versionText is not (PolicyDocument.CurrentVersion or PolicyDocument.LegacyVersion))
        {
            return null;
        }

        if ((id is not null && id.Value.ValueKind != JsonValueKind.String) || statement is not { } statementElement)
        {
            return null;
        }

        var statements = new List<RawStatement>();
        if (statementElement.ValueKind == JsonValueKind.Object)
        {
            if (ReadStatement(statementElement, 0) is not { } single)
            {
                return null;
            }

            statements.Add(single);
        }
        else if (statementElement.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in statementElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || ReadStatement(item, statements.Count) is not { } read)
                {
                    return null;
                }

                statements.Add(read);
            }
        }

        return statements.Count == 0 ? null : new RawPolicy(versionText, id?.GetString(), statements);
    }

    private static RawStatement? ReadStatement(JsonElement element, int index)
    {
        JsonElement? sid = null, effect = null, action = null, notAction = null, resource = null, notResource = null;
        JsonElement? principal = null, notPrincipal = null, condition = null;
        foreach (var member in element.EnumerateObject())
        {
            switch (member.Name)
            {
                case "Sid": sid = member.Value; break;
                case "Effect": effect = member.Value; break;
                case "Action": action = member.Value; break;
                case "NotAction": notAction = member.Value; break;
                case "Resource": resource = member.Value; break;
                case "NotResource": notResource = member.Value; break;
                case "Principal": principal = member.Value; break;
                case "NotPrincipal": notPrincipal = member.Value; break;
                case "Condition": condition = member.Value; break;
                default: return null;
            }
        }

        if ((action is not null && notAction is not null) || (resource is not null && notResource is not null))
        {
            return null;
        }

        // Effect must be "allow" or "deny" in any case here; the exact case is the legacy stage's check.
        if (effect is not { ValueKind: JsonValueKind.String } effectElement
            || effectElement.GetString() is not { } effectText
            || !(effectText.Equals("Allow", StringComparison.OrdinalIgnoreCase) || effectText.Equals("Deny", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        if (sid is not null && sid.Value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        if (!TryReadStringList(action, out var actionList)
            || !TryReadStringList(notAction, out var notActionList)
            || !TryReadStringList(resource, out var resourceList)
            || !TryReadStringList(notResource, out var notResourceList)
            || !TryReadPrincipal(principal, out var principals)
            || !TryReadPrincipal(notPrincipal, out var notPrincipals)
            || !TryReadCondition(condition, out var blocks))
        {
            return null;
        }

        return new RawStatement(
            index,
            sid?.GetString(),
            effectText,
            actionList,
            notActionList,
            resourceList,
            notResourceList,
            principals,
            notPrincipals,
            blocks);
    }

    /// <summary>A string, or an array of strings (JSON nulls allowed in the array, as IAM allows them).</summary>
    private static bool TryReadStringList(JsonElement? element, out RawStringList? list)
    {
        list = null;
        if (element is not { } value)
        {
            return true;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            list = new RawStringList(false, [value.GetString()]);
            return true;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var items = new List<string?>();
        foreach (var item in value.EnumerateArray())
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.String:
                    items.Add(item.GetString());
                    break;
                case JsonValueKind.Null:
                    items.Add(null);
                    break;
                default:
                    return false;
            }
        }

        list = new RawStringList(true, items);
        return true;
    }

    /// <summary><c>"*"</c>, or an object of principal types whose values are a string or an array of strings.</summary>
    private static bool TryReadPrincipal(JsonElement? element, out IReadOnlyList<PolicyPrincipal>? principals)
    {
        principals = null;
        if (element is not { } value)
        {
            return true;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            if (value.GetString() != "*")
            {
                return false;
            }

            principals = [new PolicyPrincipal(PolicyPrincipal.EveryoneType, "*")];
            return true;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var byType = new List<(string Type, List<PolicyPrincipal> Values)>();
        foreach (var member in value.EnumerateObject())
        {
            if (member.Name is not (PolicyPrincipal.AwsType or PolicyPrincipal.ServiceType or PolicyPrincipal.FederatedType or PolicyPrincipal.CanonicalUserType))
            {
                return false;
            }

            var values = new List<PolicyPrincipal>();
            if (member.Value.ValueKind == JsonValueKind.String)
            {
                values.Add(new PolicyPrincipal(member.Name, member.Value.GetString()!));
            }
            else if (member.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in member.Value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        return false;
                    }

                    values.Add(new PolicyPrincipal(member.Name, item.GetString()!));
                }
            }
            else
            {
                return false;
            }

            byType.RemoveAll(existing => existing.Type == member.Name);
            byType.Add((member.Name, values));
        }

        var flattened = new List<PolicyPrincipal>();
        foreach (var (_, values) in byType)
        {
            flattened.AddRange(values);
        }

        principals = flattened;
        return true;
    }

    /// <summary>
    /// <c>{ "Operator": { "key": value | [values] } }</c>, values being strings, numbers or booleans.
    /// An operator IAM does not know is refused unless its block is empty (IAM accepts <c>"x": {}</c>).
    /// </summary>
    private static bool TryReadCondition(JsonElement? element, out IReadOnlyList<RawConditionBlock>? blocks)
    {
        blocks = null;
        if (element is not { } value)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var read = new List<RawConditionBlock>();
        foreach (var block in value.EnumerateObject())
        {
            if (block.Value.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var entries = new List<RawConditionEntry>();
            foreach (var entry in block.Value.EnumerateObject())
            {
                if (!TryReadConditionValues(entry.Value, out var values, out var hasBoolean))
                {
                    return false;
                }

                entries.RemoveAll(existing => existing.Key == entry.Name);
                entries.Add(new RawConditionEntry(entry.Name, values, hasBoolean));
            }

            if (entries.Count > 0 && !ConditionOperatorName.TryParse(block.Name, out _, out _, out _))
            {
                return false;
            }

            read.RemoveAll(existing => existing.Operator == block.Name);
            read.Add(new RawConditionBlock(block.Name, entries));
        }

        blocks = read;
        return true;
    }

    private static bool TryReadConditionValues(JsonElement element, out List<string> values, out bool hasBoolean)
    {
        values = [];
        hasBoolean = false;
        if (element.ValueKind != JsonValueKind.Array)
        {
            return TryReadConditionScalar(element, values, ref hasBoolean);
        }

        foreach (var item in element.EnumerateArray())
        {
            if (!TryReadConditionScalar(item, values, ref hasBoolean))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryReadConditionScalar(JsonElement element, List<string> values, ref bool hasBoolean)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                values.Add(element.GetString()!);
                return true;
            case JsonValueKind.Number:
                values.Add(element.GetRawText());
                return true;
            case JsonValueKind.True:
                hasBoolean = true;
                values.Add("true");
                return true;
            case JsonValueKind.False:
                hasBoolean = true;
                values.Add("false");
                return true;
            default:
                return false;
        }
    }
}
