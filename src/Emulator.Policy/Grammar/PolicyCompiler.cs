namespace Emulator.Policy;

/// <summary>Turns a validated raw policy into its compiled, immutable form.</summary>
internal static class PolicyCompiler
{
    public static PolicyDocument Compile(RawPolicy policy, PolicyKind kind, string text)
    {
        var version = policy.Version ?? string.Empty;
        var variablesEnabled = version == PolicyDocument.CurrentVersion;
        var statements = new PolicyStatement[policy.Statements.Count];
        var principals = new List<PolicyPrincipal>();
        var services = new ServiceTable.Builder();
        for (var index = 0; index < statements.Length; index++)
        {
            var raw = policy.Statements[index];
            var actions = raw.Action ?? raw.NotAction!;
            var resources = raw.Resource ?? raw.NotResource;
            var statementPrincipals = raw.Principal ?? raw.NotPrincipal;
            if (statementPrincipals is not null)
            {
                principals.AddRange(statementPrincipals);
            }

            statements[index] = new PolicyStatement(
                index,
                raw.Sid,
                raw.Effect == "Allow" ? StatementEffect.Allow : StatementEffect.Deny,
                actions.Present(),
                raw.NotAction is not null,
                resources?.Present(),
                raw.NotResource is not null,
                statementPrincipals,
                raw.NotPrincipal is not null,
                CompileConditions(raw.Condition, variablesEnabled),
                variablesEnabled,
                services);
        }

        return new PolicyDocument(text, kind, version, policy.Id, statements, [.. principals], services.Build());
    }

    private static PolicyCondition[] CompileConditions(IReadOnlyList<RawConditionBlock>? blocks, bool variablesEnabled)
    {
        if (blocks is null)
        {
            return [];
        }

        var conditions = new List<PolicyCondition>();
        foreach (var block in blocks)
        {
            // An unknown operator survives validation only with an empty block, which tests nothing.
            if (!ConditionOperatorName.TryParse(block.Operator, out var conditionOperator, out var qualifier, out var ifExists))
            {
                continue;
            }

            foreach (var entry in block.Entries)
            {
                conditions.Add(new PolicyCondition(block.Operator, conditionOperator, qualifier, ifExists, entry.Key, entry.Values, variablesEnabled));
            }
        }

        return [.. conditions];
    }
}
