namespace Emulator.Policy.Tests;

/// <summary>Request contexts for the usual callers of account 111122223333.</summary>
internal static class Callers
{
    public const string Account = "111122223333";
    public const string OtherAccount = "444455556666";

    public static RequestContext User(string action, string resource = "*", string name = "alice", string account = Account) =>
        new RequestContext(action, resource)
        {
            PrincipalArn = $"arn:aws:iam::{account}:user/{name}",
            PrincipalAccount = account,
            PrincipalType = PrincipalType.User,
        }.Set("aws:username", name);

    public static RequestContext RoleSession(string action, string resource = "*", string role = "web", string session = "s1", string account = Account) =>
        new(action, resource)
        {
            PrincipalArn = $"arn:aws:iam::{account}:role/{role}",
            SessionArn = $"arn:aws:sts::{account}:assumed-role/{role}/{session}",
            PrincipalAccount = account,
            PrincipalType = PrincipalType.AssumedRole,
        };

    public static RequestContext FederatedUser(string action, string resource = "*", string name = "bob") =>
        new(action, resource)
        {
            PrincipalArn = $"arn:aws:sts::{Account}:federated-user/{name}",
            PrincipalAccount = Account,
            PrincipalType = PrincipalType.FederatedUser,
        };

    public static RequestContext Root(string action, string resource = "*", string account = Account) =>
        new(action, resource)
        {
            PrincipalArn = $"arn:aws:iam::{account}:root",
            PrincipalAccount = account,
            PrincipalType = PrincipalType.Account,
        };

    public static RequestContext Service(string service, string action, string resource) =>
        new(action, resource)
        {
            PrincipalArn = service,
            PrincipalType = PrincipalType.Service,
        };

    public static Decision Evaluate(RequestContext request, params string[] identityPolicies)
    {
        var sources = new List<PolicySource>();
        foreach (var json in identityPolicies)
        {
            sources.Add(Policies.Identity(json, $"policy-{sources.Count}"));
        }

        return PolicyEvaluator.Evaluate(request, new EvaluationInput { IdentityPolicies = sources });
    }
}
