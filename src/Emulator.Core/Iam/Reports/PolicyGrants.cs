using Emulator.Policy;

namespace Emulator.Core.Iam.Reports;

/// <summary>
/// What a policy's Allow statements grant, read without a request: the services it names (service last accessed lists
/// every service an entity's policies allow) and whether it allows one action. Conditions and resources are not
/// considered, as AWS's access advisor does not: a service is "granted" when any Allow statement's actions reach it.
/// </summary>
public static class PolicyGrants
{
    /// <summary>The known service namespaces that an Allow statement of <paramref name="document"/> reaches.</summary>
    public static IEnumerable<string> Namespaces(PolicyDocument document) =>
        ServiceNames.Namespaces.Where(ns => document.Statements.Any(s => s.Effect == StatementEffect.Allow && ReachesService(s, ns)));

    /// <summary>Whether an Allow statement names <paramref name="action"/> (<c>service:Action</c>).</summary>
    public static bool Allows(PolicyDocument document, string action) =>
        document.Statements.Any(s => s.Effect == StatementEffect.Allow && (s.IsNotAction
            ? !s.Actions.Any(pattern => ActionMatches(pattern, action))
            : s.Actions.Any(pattern => ActionMatches(pattern, action))));

    /// <summary>
    /// Whether some action of <paramref name="serviceNamespace"/> is allowed: an Action pattern whose service part matches,
    /// or a NotAction list that does not exclude the whole service.
    /// </summary>
    private static bool ReachesService(PolicyStatement statement, string serviceNamespace)
    {
        if (statement.IsNotAction)
        {
            return !statement.Actions.Any(pattern => pattern == "*"
                || (Split(pattern) is var (service, name) && name == "*" && Glob(service, serviceNamespace)));
        }

        return statement.Actions.Any(pattern => pattern == "*" || (Split(pattern) is var (service, _) && Glob(service, serviceNamespace)));
    }

    private static bool ActionMatches(string pattern, string action)
    {
        if (pattern == "*")
        {
            return true;
        }

        var (service, name) = Split(pattern);
        var (actionService, actionName) = Split(action);
        return Glob(service, actionService) && Glob(name, actionName);
    }

    private static (string Service, string Name) Split(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (text, "") : (text[..colon], text[(colon + 1)..]);
    }

    /// <summary>IAM's action wildcards (<c>*</c>, <c>?</c>), case-insensitive.</summary>
    internal static bool Glob(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t])))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
