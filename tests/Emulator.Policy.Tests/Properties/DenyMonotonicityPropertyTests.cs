using CsCheck;

namespace Emulator.Policy.Tests.Properties;

/// <summary>Adding a Deny statement anywhere never turns a denied request into an allowed one.</summary>
public class DenyMonotonicityPropertyTests
{
    private const string RoleArn = "arn:aws:iam::111122223333:role/web";

    private static readonly string[] Actions = ["iam:GetRole", "iam:CreateUser", "s3:GetObject", "sts:AssumeRole"];
    private static readonly string[] ActionPatterns = ["*", "iam:*", "iam:Get*", "s3:GetObject", "iam:CreateUser", "sts:AssumeRole", "iam:?et*"];
    private static readonly string[] Resources = ["*", RoleArn, "arn:aws:s3:::bucket/key"];
    private static readonly string[] ResourcePatterns = ["*", "arn:aws:iam::111122223333:role/*", "arn:aws:s3:::bucket/*", "arn:aws:iam::*:user/${aws:username}"];

    private static readonly string[] Conditions =
    [
        "",
        ""","Condition":{"StringEquals":{"test:Key":"a"}}""",
        ""","Condition":{"StringNotEquals":{"test:Key":"a"}}""",
        ""","Condition":{"Null":{"test:Key":"true"}}""",
        ""","Condition":{"StringLikeIfExists":{"test:Key":"b*"}}""",
        ""","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}""",
        ""","Condition":{"ForAnyValue:StringEquals":{"aws:TagKeys":"a"}}""",
    ];

    private static readonly string[] Principals =
    [
        "\"*\"",
        """{"AWS":"111122223333"}""",
        """{"AWS":"arn:aws:iam::111122223333:user/alice"}""",
        """{"AWS":"arn:aws:iam::111122223333:role/web"}""",
        """{"AWS":"arn:aws:sts::111122223333:assumed-role/web/s1"}""",
    ];

    private static readonly Gen<string> Statements =
        Gen.Select(
            Gen.Bool,
            Gen.Bool,
            Gen.Int[0, ActionPatterns.Length - 1],
            Gen.Bool,
            Gen.Int[0, ResourcePatterns.Length - 1],
            Gen.Int[0, Conditions.Length - 1],
            (allow, notAction, action, notResource, resource, condition) =>
                Statement(allow ? "Allow" : "Deny", notAction, ActionPatterns[action], notResource, ResourcePatterns[resource], Conditions[condition]));

    private static readonly Gen<string> DenyStatements =
        Gen.Select(
            Gen.Bool,
            Gen.Int[0, ActionPatterns.Length - 1],
            Gen.Bool,
            Gen.Int[0, ResourcePatterns.Length - 1],
            Gen.Int[0, Conditions.Length - 1],
            (notAction, action, notResource, resource, condition) =>
                Statement("Deny", notAction, ActionPatterns[action], notResource, ResourcePatterns[resource], Conditions[condition]));

    private static readonly Gen<string> TrustStatements =
        Gen.Select(
            Gen.Bool,
            Gen.Int[0, Principals.Length - 1],
            Gen.Int[0, Conditions.Length - 1],
            (allow, principal, condition) =>
                $$"""{"Effect":"{{(allow ? "Allow" : "Deny")}}","Principal":{{Principals[principal]}},"Action":"sts:AssumeRole"{{Conditions[condition]}}}""");

    private static readonly Gen<string[]> PolicyStatements = Statements.Array[1, 3];

    private static readonly Gen<(int Action, int Resource, int KeyChoice, bool RoleSession, bool RequireTrust, bool TagKeys)> Requests =
        Gen.Select(Gen.Int[0, Actions.Length - 1], Gen.Int[0, Resources.Length - 1], Gen.Int[0, 3], Gen.Bool, Gen.Bool, Gen.Bool);

    private static readonly Gen<Scenario> Scenarios =
        Gen.Select(
            PolicyStatements.Array[0, 3],
            PolicyStatements.Null(),
            PolicyStatements.Array[0, 2].Null(),
            TrustStatements.Array[1, 2].Null(),
            Requests,
            (identity, boundary, session, trust, request) => new Scenario(
                identity,
                boundary,
                session,
                trust,
                Actions[request.Action],
                Resources[request.Resource],
                request.KeyChoice,
                request.RoleSession,
                request.RequireTrust,
                request.TagKeys));

    [Fact]
    public void Adding_a_deny_statement_never_turns_a_deny_into_an_allow() =>
        Gen.Select(Scenarios, DenyStatements, Gen.Int[0, 3]).Sample((scenario, deny, target) =>
        {
            var before = scenario.Evaluate();
            var after = scenario.WithDeny(deny, target).Evaluate();

            if (before.Effect != DecisionEffect.Allowed)
            {
                after.Effect.Should().NotBe(DecisionEffect.Allowed, because: "adding {0} to layer {1} of {2}", deny, target, scenario);
            }

            if (before.Effect == DecisionEffect.ExplicitDeny)
            {
                after.Effect.Should().Be(DecisionEffect.ExplicitDeny);
            }
        }, iter: 3000);

    private static string Statement(string effect, bool notAction, string action, bool notResource, string resource, string condition) =>
        $$"""{"Effect":"{{effect}}","{{(notAction ? "NotAction" : "Action")}}":"{{action}}","{{(notResource ? "NotResource" : "Resource")}}":"{{resource}}"{{condition}}}""";

    private static string Document(IEnumerable<string> statements) =>
        $$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", statements)}}]}""";

    private sealed record Scenario(
        string[][] Identity,
        string[]? Boundary,
        string[][]? Session,
        string[]? Trust,
        string Action,
        string Resource,
        int KeyChoice,
        bool IsRoleSession,
        bool RequireTrust,
        bool HasTagKeys)
    {
        /// <summary>Adds the deny to a new identity policy (0), the boundary (1), a session policy (2) or the trust policy (3).</summary>
        public Scenario WithDeny(string deny, int target) => target switch
        {
            0 => this with { Identity = [.. Identity, [deny]] },
            1 when Boundary is not null => this with { Boundary = [.. Boundary, deny] },
            2 when Session is not null => this with { Session = [.. Session, [deny]] },
            3 when Trust is not null => this with { Trust = [.. Trust, TrustDeny(deny)] },
            _ => this with { Identity = [.. Identity, [deny]] },
        };

        public Decision Evaluate()
        {
            var request = IsRoleSession
                ? Callers.RoleSession(Action, Resource)
                : Callers.User(Action, Resource);
            if (KeyChoice > 0)
            {
                request.Set("test:Key", KeyChoice == 1 ? "a" : KeyChoice == 2 ? "b" : "c");
            }

            if (HasTagKeys)
            {
                request.Set("aws:TagKeys", ["a"]);
            }

            var input = new EvaluationInput
            {
                IdentityPolicies = [.. Identity.Select((statements, index) => Policies.Identity(Document(statements), $"identity-{index}"))],
                PermissionsBoundary = Boundary is null ? null : Policies.Boundary(Document(Boundary)),
                SessionPolicies = Session?.Select((statements, index) => Policies.Session(Document(statements), $"session-{index}")).ToArray(),
                ResourcePolicies = Trust is null ? [] : [Policies.Trust(Document(Trust))],
                RequireResourcePolicyAllow = RequireTrust,
            };
            return PolicyEvaluator.Evaluate(request, input);
        }

        public override string ToString() =>
            $"identity={string.Join(" | ", Identity.Select(Document))}; boundary={(Boundary is null ? "none" : Document(Boundary))}; "
            + $"session={(Session is null ? "none" : string.Join(" | ", Session.Select(Document)))}; trust={(Trust is null ? "none" : Document(Trust))}; "
            + $"request={Action} {Resource} key={KeyChoice} roleSession={IsRoleSession} requireTrust={RequireTrust} tagKeys={HasTagKeys}";

        /// <summary>The same deny with the caller named as principal, since trust statements need one and take no Resource.</summary>
        private static string TrustDeny(string deny)
        {
            var conditionStart = deny.IndexOf(",\"Condition\"", StringComparison.Ordinal);
            var condition = conditionStart < 0 ? string.Empty : deny[conditionStart..^1];
            return $$"""{"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole"{{condition}}}""";
        }
    }
}
