using System.Buffers;
using System.Text;
using System.Text.Json;
using Emulator.Policy;

namespace Emulator.Core.Audit.Generation;

/// <summary>
/// Generates the smallest identity policy allowing exactly the calls a principal made successfully, from the
/// authorization requests the trail recorded for them (what IAM Access Analyzer's policy generation does from
/// CloudTrail): one statement per set of resources, actions sorted, <c>*</c> only where the action was authorized
/// on <c>*</c> because it has no finer resource. The document is checked with the emulator's own grammar and
/// proved by replaying every recorded request through the evaluator under it.
/// </summary>
public static class PolicyGenerator
{
    private static readonly string[] RefusalCodes = ["AccessDenied", "UnauthorizedOperation", "AccessDeniedException"];

    /// <summary>Role and user ARNs only: a role's calls are its sessions', a user's its own (long-term keys or session tokens).</summary>
    public static bool IsSupportedPrincipal(string principalArn) =>
        Arn.TryParse(principalArn, out var arn) && arn.Service == "iam" && arn.Account.Length > 0
            && (arn.Resource.StartsWith("role/", StringComparison.Ordinal) || arn.Resource.StartsWith("user/", StringComparison.Ordinal));

    /// <summary>Whether <paramref name="record"/> is a call by <paramref name="principalArn"/> (any session of a role).</summary>
    public static bool IsCallBy(AuditRecord record, string principalArn)
    {
        var identity = record.Event.UserIdentity;
        return identity.Type switch
        {
            "AssumedRole" => string.Equals(identity.SessionContext?.SessionIssuer?.Arn, principalArn, StringComparison.OrdinalIgnoreCase),
            "IAMUser" => string.Equals(identity.Arn, principalArn, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <param name="records">The trail's records in the time range (any principal, any order).</param>
    public static GeneratedPolicy Generate(string principalArn, IEnumerable<AuditRecord> records)
    {
        var calls = records.Where(r => IsCallBy(r, principalArn)).OrderBy(r => r.Time).ToList();
        var succeeded = calls.Where(r => r.Succeeded).ToList();
        var requests = succeeded.SelectMany(r => r.Authorizations).Where(a => a.Allowed).ToList();
        var denied = calls.Where(IsRefused).Select(Denial).ToList();
        if (requests.Count == 0)
        {
            return new GeneratedPolicy(principalArn, null, succeeded.Count, 0, new PolicyReplay(0, 0, []), denied);
        }

        var document = Write(Statements(requests));
        var parsed = PolicyParser.Parse(document, PolicyKind.Managed);
        if (!parsed.IsValid)
        {
            // The actions and ARNs come from the pipeline's own tables; a rejection is a bug here, not bad input.
            throw new InvalidOperationException($"The generated policy fails the policy grammar: {parsed.Error} {document}");
        }

        var source = new PolicySource("generated", PolicySetType.Identity, parsed.Document!);
        var account = Arn.TryParse(principalArn, out var principal) ? principal.Account : "";
        var refused = requests.Where(r => !Allows(source, principalArn, account, r)).ToList();
        return new GeneratedPolicy(principalArn, document, succeeded.Count, requests.Count, new PolicyReplay(requests.Count, refused.Count, refused), denied);
    }

    /// <summary>Actions grouped by the exact set of resources they were authorized on; an action seen on <c>*</c> needs nothing finer.</summary>
    private static List<(SortedSet<string> Actions, SortedSet<string> Resources)> Statements(IEnumerable<AuditedAuthorization> requests)
    {
        var resourcesByAction = new Dictionary<string, SortedSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var request in requests)
        {
            if (!resourcesByAction.TryGetValue(request.Action, out var resources))
            {
                resourcesByAction[request.Action] = resources = new SortedSet<string>(StringComparer.Ordinal);
            }

            resources.Add(request.Resource);
        }

        var groups = new Dictionary<string, (SortedSet<string> Actions, SortedSet<string> Resources)>(StringComparer.Ordinal);
        foreach (var (action, resources) in resourcesByAction)
        {
            var set = resources.Contains("*") ? new SortedSet<string>(["*"], StringComparer.Ordinal) : resources;
            var key = string.Join('\n', set);
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = (new SortedSet<string>(StringComparer.Ordinal), set);
            }

            group.Actions.Add(action);
        }

        return groups.Values.OrderBy(g => g.Actions.Min, StringComparer.Ordinal).ToList();
    }

    private static string Write(IEnumerable<(SortedSet<string> Actions, SortedSet<string> Resources)> statements)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("Version", "2012-10-17");
            json.WriteStartArray("Statement");
            foreach (var (actions, resources) in statements)
            {
                json.WriteStartObject();
                json.WriteString("Effect", "Allow");
                WriteList(json, "Action", actions);
                WriteList(json, "Resource", resources);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyCollection<string> values)
    {
        if (values.Count == 1)
        {
            json.WriteString(name, values.First());
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>The identity side of the request, as the generated policy would be the principal's only policy.</summary>
    private static bool Allows(PolicySource policy, string principalArn, string account, AuditedAuthorization request)
    {
        var context = new RequestContext(request.Action, request.Resource) { PrincipalArn = principalArn, PrincipalAccount = account };
        return PolicyEvaluator.EvaluateOutcome(context, new EvaluationInput { IdentityPolicies = [policy] }).IsAllowed;
    }

    private static bool IsRefused(AuditRecord record) =>
        !record.Succeeded && (record.Authorizations.Any(a => !a.Allowed) || RefusalCodes.Contains(record.Event.ErrorCode, StringComparer.Ordinal));

    private static DeniedCall Denial(AuditRecord record)
    {
        var refused = record.Authorizations.FirstOrDefault(a => !a.Allowed);
        return new DeniedCall(record.Event.EventTime, record.Event.EventName, record.Event.EventId, record.Event.ErrorCode, refused?.Action, refused?.Resource);
    }
}
