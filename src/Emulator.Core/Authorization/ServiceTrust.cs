using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Emulator.Core.Iam.Roles;
using Emulator.Policy;

namespace Emulator.Core.Authorization;

/// <summary>
/// Whether a role's trust policy lets an AWS service assume it (EC2 for instance profiles, ECS tasks or
/// EKS Pod Identity for container credentials): the same evaluator, with the service as the principal.
/// </summary>
public static class ServiceTrust
{
    public const string Ec2 = "ec2.amazonaws.com";

    /// <summary>ECS task roles.</summary>
    public const string EcsTasks = "ecs-tasks.amazonaws.com";

    /// <summary>EKS Pod Identity.</summary>
    public const string EksPods = "pods.eks.amazonaws.com";

    /// <summary>Answers by role record (immutable: a changed trust policy is a new record), so IMDS need not evaluate per request.</summary>
    private static readonly ConditionalWeakTable<Role, ConcurrentDictionary<(string Service, string Action), bool>> Answers = [];

    public static bool Allows(Role role, string service, string action = "sts:AssumeRole") =>
        Answers.GetValue(role, static _ => new()).GetOrAdd((service, action), key => Evaluate(role, key.Service, key.Action));

    private static bool Evaluate(Role role, string service, string action)
    {
        var context = new RequestContext(action, role.Arn)
        {
            PrincipalArn = service,
            PrincipalType = PrincipalType.Service,
            PrincipalAccount = role.AccountId,
        };
        context.Set("aws:PrincipalServiceName", service).Set("aws:PrincipalIsAWSService", "true");
        var input = new EvaluationInput
        {
            ResourcePolicies = [new PolicySource($"{role.Arn} trust policy", PolicySetType.Resource, role.AssumeRolePolicy.Document)],
            RequireResourcePolicyAllow = true,
            // A service has no identity policies of its own to consult: only the trust policy decides.
            IsRoot = true,
            SameAccount = false,
        };
        return PolicyEvaluator.EvaluateOutcome(context, input).IsAllowed;
    }
}
