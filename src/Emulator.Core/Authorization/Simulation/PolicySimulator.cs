using System.Globalization;
using Emulator.Core.Errors;
using Emulator.Core.Iam;
using Emulator.Core.Iam.Paging;
using Emulator.Core.Iam.Validation;
using Emulator.Core.Identity;
using Emulator.Core.Store;
using Emulator.Policy;
using CorePrincipalType = Emulator.Core.Identity.PrincipalType;

namespace Emulator.Core.Authorization.Simulation;

/// <summary>
/// IAM's policy simulator: SimulatePrincipalPolicy, SimulateCustomPolicy and GetContextKeysFor*Policy. It asks the
/// same evaluator enforcement asks, with contexts from the same <see cref="RequestContextBuilder"/> and a user's
/// policies from the same <see cref="PolicyResolver"/>, so a simulated answer is the enforced one.
/// </summary>
public sealed class PolicySimulator(IEmulatorStore store, PolicyResolver policies)
{
    private const string IdentityDetailKey = "IAM Policy";
    private const string IdentityPolicyType = "IAM Policy";
    private const string ResourceDetailKey = "Resource Policy";

    public Page<EvaluationResult> SimulatePrincipalPolicy(string accountId, string? policySourceArn, SimulationRequest request)
    {
        var validator = new ParameterValidator().Arn("policySourceArn", policySourceArn);
        Validate(validator, request);
        validator.ThrowIfInvalid();

        var subject = FindSubject(accountId, policySourceArn!);
        var identity = subject.Policies.IdentityPolicies.Select(Stored).Concat(ParseInputs(request.PolicyInputList, "PolicyInputList", PolicySetType.Identity));

        // A boundary given with the request replaces the entity's own: an entity has one boundary at a time.
        var boundaryInput = ParseInputs(request.PermissionsBoundaryPolicyInputList, "PermissionsBoundaryPolicyInputList", PolicySetType.PermissionsBoundary);
        var boundary = boundaryInput.Count > 0 ? boundaryInput[0]
            : subject.Policies.PermissionsBoundary is { } own ? Stored(own) : null;

        // AWS: CallerArn defaults to the PolicySourceArn when that names a user.
        var caller = request.CallerArn is { } callerArn ? Caller(callerArn) : subject.Caller;
        return Simulate(accountId, caller, [.. identity], boundary, request);
    }

    public Page<EvaluationResult> SimulateCustomPolicy(string accountId, SimulationRequest request)
    {
        var validator = new ParameterValidator().Required("policyInputList", request.PolicyInputList.Count == 0 ? null : "present");
        Validate(validator, request);
        validator.ThrowIfInvalid();

        var identity = ParseInputs(request.PolicyInputList, "PolicyInputList", PolicySetType.Identity);
        var boundaryInput = ParseInputs(request.PermissionsBoundaryPolicyInputList, "PermissionsBoundaryPolicyInputList", PolicySetType.PermissionsBoundary);
        var caller = request.CallerArn is { } callerArn ? Caller(callerArn) : null;
        return Simulate(accountId, caller, identity, boundaryInput.Count > 0 ? boundaryInput[0] : null, request);
    }

    /// <summary>Keys referenced by the entity's identity policies (a user's include its groups') and by the extra policies.</summary>
    public IReadOnlyList<string> GetContextKeysForPrincipalPolicy(string accountId, string? policySourceArn, IReadOnlyList<string> policyInputList)
    {
        var validator = new ParameterValidator().Arn("policySourceArn", policySourceArn);
        ValidatePolicies(validator, "policyInputList", policyInputList);
        validator.ThrowIfInvalid();

        var subject = FindSubject(accountId, policySourceArn!);
        var documents = subject.Policies.IdentityPolicies.Select(p => p.Document)
            .Concat(ParseInputs(policyInputList, "PolicyInputList", PolicySetType.Identity).Select(p => p.Source.Document));
        return PolicyContextKeys.Referenced(documents);
    }

    public static IReadOnlyList<string> GetContextKeysForCustomPolicy(IReadOnlyList<string> policyInputList)
    {
        var validator = new ParameterValidator().Required("policyInputList", policyInputList.Count == 0 ? null : "present");
        ValidatePolicies(validator, "policyInputList", policyInputList);
        validator.ThrowIfInvalid();
        return PolicyContextKeys.Referenced(ParseInputs(policyInputList, "PolicyInputList", PolicySetType.Identity).Select(p => p.Source.Document));
    }

    private Page<EvaluationResult> Simulate(
        string accountId,
        Principal? caller,
        IReadOnlyList<SimulatedPolicy> identity,
        SimulatedPolicy? boundary,
        SimulationRequest request)
    {
        SimulatedPolicy? resourcePolicy = null;
        if (request.ResourcePolicy is { } resourcePolicyText)
        {
            resourcePolicy = Parse(resourcePolicyText, PolicyKind.Resource, "ResourcePolicy", "resource", PolicySetType.Resource);
            if (caller is null)
            {
                // AWS: a resource policy's Principal element needs a caller to be matched against.
                throw IamErrors.InvalidInput("CallerArn is required when a ResourcePolicy is simulated and PolicySourceArn is not an IAM user or role.");
            }
        }

        var described = new Dictionary<string, SimulatedPolicy>(StringComparer.Ordinal);
        foreach (var policy in identity.Append(boundary).Append(resourcePolicy).OfType<SimulatedPolicy>())
        {
            described.TryAdd(policy.Source.Id, policy);
        }

        var callerAccount = caller?.AccountId ?? accountId;
        IReadOnlyList<PolicySource> identitySources = [.. identity.Select(p => p.Source)];
        var resources = request.ResourceArns.Count > 0 ? request.ResourceArns : ["*"];
        var results = new List<(string SortKey, EvaluationResult Result)>();
        foreach (var action in request.ActionNames)
        {
            foreach (var resource in resources)
            {
                var context = RequestContextBuilder.ForSimulation(caller, action, resource, request.ContextEntries);
                var input = new EvaluationInput
                {
                    IdentityPolicies = identitySources,
                    PermissionsBoundary = boundary?.Source,
                    ResourcePolicies = resourcePolicy is null ? [] : [resourcePolicy.Source],
                    // Resource policies are considered only when given; only then can the resource's owner differ.
                    SameAccount = resourcePolicy is null || ResourceOwner(resource, request.ResourceOwner, callerAccount) == callerAccount,
                };
                var decision = PolicyEvaluator.Evaluate(context, input);
                results.Add((results.Count.ToString("D7", CultureInfo.InvariantCulture), Describe(decision, context, input, described)));
            }
        }

        var page = Paginator.Paginate(results, r => r.SortKey, request.Marker, request.MaxItems);
        return new Page<EvaluationResult>([.. page.Items.Select(r => r.Result)], page.IsTruncated, page.Marker);
    }

    private static EvaluationResult Describe(Decision decision, RequestContext context, EvaluationInput input, Dictionary<string, SimulatedPolicy> described)
    {
        var matched = decision.DecidingStatements.Select(statement =>
        {
            var policy = described[statement.PolicyId];
            var (start, end) = StatementPositions.Find(policy.Source.Document.Text, statement.StatementIndex);
            return new MatchedStatement(policy.SourcePolicyId, policy.SourcePolicyType, start, end);
        }).ToList();

        IReadOnlyList<KeyValuePair<string, DecisionEffect>> details = input.ResourcePolicies.Count == 0
            ? []
            : [new(IdentityDetailKey, EffectOf(decision.IdentityVerdict.Outcome)), new(ResourceDetailKey, EffectOf(decision.ResourceVerdict.Outcome))];

        return new EvaluationResult(decision.Action, decision.Resource, decision.Effect, matched, decision.MissingContextKeys, details,
            input.PermissionsBoundary is { } boundary ? BoundaryAllows(decision, context, boundary) : null);
    }

    /// <summary>
    /// Whether the boundary alone allows the request. When an identity policy denied explicitly the evaluator stopped
    /// before the boundary, so the boundary is then asked on its own.
    /// </summary>
    private static bool BoundaryAllows(Decision decision, RequestContext context, PolicySource boundary) =>
        decision.PermissionsBoundaryVerdict.Outcome switch
        {
            LayerOutcome.Allowed => true,
            LayerOutcome.NotEvaluated => PolicyEvaluator.Evaluate(context, new EvaluationInput { IdentityPolicies = [boundary] }).IsAllowed,
            _ => false,
        };

    private static DecisionEffect EffectOf(LayerOutcome outcome) => outcome switch
    {
        LayerOutcome.Allowed => DecisionEffect.Allowed,
        LayerOutcome.ExplicitDeny => DecisionEffect.ExplicitDeny,
        _ => DecisionEffect.ImplicitDeny,
    };

    /// <summary>The account of a resource ARN; ResourceOwner (or the caller's account) when the ARN names none, as S3 ARNs do.</summary>
    private static string ResourceOwner(string resource, string? resourceOwner, string callerAccount)
    {
        if (Arn.TryParse(resource, out var arn) && arn.Account.Length > 0)
        {
            return arn.Account;
        }

        if (resourceOwner is null)
        {
            return callerAccount;
        }

        return Arn.TryParse(resourceOwner, out var owner) ? owner.Account : resourceOwner;
    }

    private static void Validate(ParameterValidator validator, SimulationRequest request)
    {
        validator.Required("actionNames", request.ActionNames.Count == 0 ? null : "present");
        for (var index = 0; index < request.ActionNames.Count; index++)
        {
            validator.Length($"actionNames.{index + 1}.member", request.ActionNames[index], 3, 128);
        }

        for (var index = 0; index < request.ResourceArns.Count; index++)
        {
            validator.Length($"resourceArns.{index + 1}.member", request.ResourceArns[index], 1, 2048);
        }

        for (var index = 0; index < request.ContextEntries.Count; index++)
        {
            var entry = request.ContextEntries[index];
            var member = $"contextEntries.{index + 1}.member";
            validator.Required($"{member}.contextKeyName", entry.ContextKeyName)
                .Length($"{member}.contextKeyName", entry.ContextKeyName, 5, 256)
                .OneOf($"{member}.contextKeyType", entry.ContextKeyType, [.. ContextEntry.Types]);
        }

        ValidatePolicies(validator, "policyInputList", request.PolicyInputList);
        ValidatePolicies(validator, "permissionsBoundaryPolicyInputList", request.PermissionsBoundaryPolicyInputList);

        // "You can input only one permissions boundary when you pass a policy to this operation."
        validator.Check(request.PermissionsBoundaryPolicyInputList.Count <= 1, "permissionsBoundaryPolicyInputList", "Member must have length less than or equal to 1")
            .PolicyDocument("resourcePolicy", request.ResourcePolicy, required: false)
            .Length("resourceOwner", request.ResourceOwner, 1, 2048)
            .Length("callerArn", request.CallerArn, 1, 2048);
        Paginator.Validate(validator, request.Marker, request.MaxItems);
    }

    private static void ValidatePolicies(ParameterValidator validator, string member, IReadOnlyList<string> documents)
    {
        for (var index = 0; index < documents.Count; index++)
        {
            validator.PolicyDocument($"{member}.{index + 1}.member", documents[index]);
        }
    }

    private static List<SimulatedPolicy> ParseInputs(IReadOnlyList<string> documents, string listName, PolicySetType layer) =>
        [.. documents.Select((text, index) => Parse(text, PolicyKind.Identity, $"{listName}.{index + 1}", "none", layer))];

    private static SimulatedPolicy Parse(string text, PolicyKind kind, string sourcePolicyId, string sourcePolicyType, PolicySetType layer)
    {
        var parsed = PolicyParser.Parse(text, kind);
        return parsed.Document is { } document
            ? new SimulatedPolicy(new PolicySource(sourcePolicyId, layer, document), sourcePolicyId, sourcePolicyType)
            : throw IamErrors.MalformedPolicyDocument(parsed.Error ?? "Syntax errors in policy.");
    }

    /// <summary>
    /// Names a stored policy as IAM's simulator does: by its policy name. Its type is "IAM Policy" for every
    /// identity policy, inline or managed, whoever holds it (AWS's recorded answers, though the service model
    /// enumerates user/group/role/aws-managed/user-managed). The resolver names inline policies
    /// <c>&lt;owner ARN&gt;/&lt;policy name&gt;</c> and managed ones by their ARN.
    /// </summary>
    private static SimulatedPolicy Stored(PolicySource source) =>
        new(source, source.Id[(source.Id.LastIndexOf('/') + 1)..], IdentityPolicyType);

    /// <summary>The user, group or role a PolicySourceArn names, in the caller's account.</summary>
    private Subject FindSubject(string accountId, string arn)
    {
        var (type, name) = ParseEntityArn(arn) ?? throw IamErrors.InvalidInput($"ARN {arn} is not valid.");
        var entity = store.Read(state =>
        {
            // IAM sees only the caller's own account: another account's entity "cannot be found".
            if (!state.Accounts.TryGetValue(accountId, out var account))
            {
                return (object?)null;
            }

            return type switch
            {
                "user" => account.Users.GetValueOrDefault(name) is { } user && user.Arn == arn ? user : null,
                "group" => account.Groups.GetValueOrDefault(name) is { } group && group.Arn == arn ? group : null,
                _ => account.Roles.GetValueOrDefault(name) is { } role && role.Arn == arn ? role : null,
            };
        });

        return entity switch
        {
            Iam.Users.User user => new Subject(policies.ForUser(user.AccountId, user.UserName),
                new Principal(CorePrincipalType.User, user.AccountId, user.Arn, user.UserId, user.UserName, null) { Partition = user.Partition }),
            Iam.Roles.Role role => new Subject(policies.ForRole(role),
                // aws:PrincipalArn of a role's sessions is the role ARN; aws:userid would add a session name, which a simulation has none of.
                new Principal(CorePrincipalType.AssumedRole, role.AccountId, role.Arn, role.RoleId, null, null) { Partition = role.Partition }),
            Iam.Groups.Group group => new Subject(policies.ForGroup(group), null),
            _ => throw IamErrors.NoSuchEntity($"The {type} with name {name} cannot be found."),
        };
    }

    /// <summary>
    /// The simulated caller CallerArn names: an IAM user (AWS accepts no other kind). A user this emulator holds
    /// brings its user id; another (e.g. in an account not emulated) only its ARN and name.
    /// </summary>
    private Principal Caller(string arn)
    {
        if (ParseEntityArn(arn) is not ("user", var name))
        {
            throw IamErrors.InvalidInput($"CallerArn {arn} is not the ARN of an IAM user.");
        }

        var parsed = Arn.Parse(arn)!.Value;
        var user = store.Read(state => state.Accounts.TryGetValue(parsed.Account, out var account)
            && account.Users.GetValueOrDefault(name) is { } found && found.Arn == arn ? found : null);
        return new Principal(CorePrincipalType.User, parsed.Account, arn, user?.UserId ?? string.Empty, name, null) { Partition = parsed.Partition };
    }

    /// <summary>(<c>user</c>|<c>group</c>|<c>role</c>, name) of an IAM entity ARN with an account, or null.</summary>
    private static (string Type, string Name)? ParseEntityArn(string arn)
    {
        if (!Arn.TryParse(arn, out var parsed) || parsed.Service != "iam" || parsed.Account.Length == 0)
        {
            return null;
        }

        var resource = parsed.Resource;
        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        var type = slash < 0 ? resource : resource[..slash];
        var name = resource[(resource.LastIndexOf('/') + 1)..];
        return type is "user" or "group" or "role" && slash >= 0 && name.Length > 0 ? (type, name) : null;
    }

    /// <summary>The entity a PolicySourceArn names: its policies, and the caller it stands for (none for a group).</summary>
    private sealed record Subject(PrincipalPolicySet Policies, Principal? Caller);

    /// <summary>A policy in a simulation and how results name it.</summary>
    private sealed record SimulatedPolicy(PolicySource Source, string SourcePolicyId, string SourcePolicyType);
}
