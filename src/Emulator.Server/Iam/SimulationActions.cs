using Emulator.Core.Authorization.Simulation;
using Emulator.Core.Iam;
using Emulator.Core.Iam.Paging;
using Emulator.Policy;
using Emulator.Server.Pipeline;
using Emulator.Server.Protocol;
using static Emulator.Server.Iam.IamActions;

namespace Emulator.Server.Iam;

/// <summary>Action-table entries for the policy simulator: SimulatePrincipalPolicy, SimulateCustomPolicy and GetContextKeysFor*Policy.</summary>
public static class SimulationActions
{
    public static IEnumerable<AwsOperation> All(IamService iam)
    {
        var simulator = iam.Simulator;
        yield return Op("SimulatePrincipalPolicy", AwsOperation.Everything, (c, w) =>
            Results(w, simulator.SimulatePrincipalPolicy(c.AccountId, c["PolicySourceArn"], Request(c))));
        yield return Op("SimulateCustomPolicy", AwsOperation.Everything, (c, w) =>
            Results(w, simulator.SimulateCustomPolicy(c.AccountId, Request(c))));
        yield return Op("GetContextKeysForPrincipalPolicy", AwsOperation.Everything, (c, w) =>
            w.StringList("ContextKeyNames", simulator.GetContextKeysForPrincipalPolicy(c.AccountId, c["PolicySourceArn"], c.Parameters.List("PolicyInputList"))));
        yield return Op("GetContextKeysForCustomPolicy", AwsOperation.Everything, (c, w) =>
            w.StringList("ContextKeyNames", PolicySimulator.GetContextKeysForCustomPolicy(c.Parameters.List("PolicyInputList"))));
    }

    private static SimulationRequest Request(OperationContext c) => new()
    {
        ActionNames = c.Parameters.List("ActionNames"),
        ResourceArns = c.Parameters.List("ResourceArns"),
        ContextEntries = c.Parameters.Structures("ContextEntries").Select(entry => new ContextEntry(
            entry("ContextKeyName"),
            Values(entry),
            entry("ContextKeyType"))).ToList(),
        PolicyInputList = c.Parameters.List("PolicyInputList"),
        PermissionsBoundaryPolicyInputList = c.Parameters.List("PermissionsBoundaryPolicyInputList"),
        ResourcePolicy = c["ResourcePolicy"],
        ResourceOwner = c["ResourceOwner"],
        CallerArn = c["CallerArn"],
        Marker = c["Marker"],
        MaxItems = MaxItems(c),
    };

    /// <summary><c>ContextEntries.member.N.ContextKeyValues.member.M</c>, in order.</summary>
    private static List<string> Values(Func<string, string?> entry)
    {
        var values = new List<string>();
        for (var index = 1; entry($"ContextKeyValues.member.{index}") is { } value; index++)
        {
            values.Add(value);
        }

        return values;
    }

    /// <summary>
    /// Each result as AWS answers it (recorded): OrganizationsDecisionDetail always (no SCP here denies);
    /// for a named resource, EvalDecisionDetails (empty within one account) and ResourceSpecificResults with that
    /// resource's decision; for "*" neither ("If the simulation ... specifies all resources (*), then the
    /// parameter is not returned").
    /// </summary>
    private static void Results(QueryXmlWriter w, Page<EvaluationResult> page)
    {
        w.List("EvaluationResults", page.Items, (x, result) =>
        {
            var namedResource = result.EvalResourceName != "*";
            x.Value("EvalActionName", result.EvalActionName)
                .Value("EvalResourceName", result.EvalResourceName)
                .Value("EvalDecision", Decision(result.EvalDecision));
            Matched(x, result);
            x.Object("OrganizationsDecisionDetail", d => d.Value("AllowedByOrganizations", true));
            Boundary(x, result);
            if (result.EvalDecisionDetails.Count > 0 || namedResource)
            {
                x.Map("EvalDecisionDetails", result.EvalDecisionDetails.Select(d => KeyValuePair.Create(d.Key, Decision(d.Value))));
            }

            if (namedResource)
            {
                x.List("ResourceSpecificResults", new[] { result }, (r, specific) =>
                {
                    r.Value("EvalResourceName", specific.EvalResourceName).Value("EvalResourceDecision", Decision(specific.EvalDecision));
                    Matched(r, specific);
                    Boundary(r, specific);
                });
            }
        });
        IamXml.Paging(w, page);
    }

    private static void Matched(QueryXmlWriter x, EvaluationResult result) =>
        x.List("MatchedStatements", result.MatchedStatements, (m, statement) => m
                .Value("SourcePolicyId", statement.SourcePolicyId)
                .Value("SourcePolicyType", statement.SourcePolicyType)
                .Object("StartPosition", p => Position(p, statement.StartPosition))
                .Object("EndPosition", p => Position(p, statement.EndPosition)))
            .StringList("MissingContextValues", result.MissingContextValues);

    private static void Boundary(QueryXmlWriter x, EvaluationResult result)
    {
        if (result.AllowedByPermissionsBoundary is { } allowed)
        {
            x.Object("PermissionsBoundaryDecisionDetail", d => d.Value("AllowedByPermissionsBoundary", allowed));
        }
    }

    private static void Position(QueryXmlWriter w, Position position) =>
        w.Value("Line", position.Line).Value("Column", position.Column);

    /// <summary>IAM's PolicyEvaluationDecisionType values.</summary>
    private static string Decision(DecisionEffect effect) => effect switch
    {
        DecisionEffect.Allowed => "allowed",
        DecisionEffect.ExplicitDeny => "explicitDeny",
        _ => "implicitDeny",
    };
}
