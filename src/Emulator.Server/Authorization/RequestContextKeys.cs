using Emulator.Server.Protocol;

namespace Emulator.Server.Authorization;

/// <summary>
/// The condition keys a request's own parameters carry, derived the same way for every operation:
/// tags being set (aws:RequestTag/*, aws:TagKeys), tag keys being removed, the policy named by
/// Attach*/Detach* (iam:PolicyARN) and the boundary being set (iam:PermissionsBoundary).
/// </summary>
public static class RequestContextKeys
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> From(QueryParameters parameters)
    {
        var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        var tags = parameters.Tags();
        if (tags.Count > 0)
        {
            foreach (var tag in tags)
            {
                keys[$"aws:RequestTag/{tag.Key}"] = [tag.Value];
            }

            keys["aws:TagKeys"] = tags.Select(t => t.Key).ToList();
        }

        var removed = parameters.List("TagKeys");
        if (removed.Count > 0)
        {
            keys["aws:TagKeys"] = removed;
        }

        if (parameters["PolicyArn"] is { } policyArn)
        {
            keys["iam:PolicyARN"] = [policyArn];
        }

        if (parameters["PermissionsBoundary"] is { } boundary)
        {
            keys["iam:PermissionsBoundary"] = [boundary];
        }

        return keys;
    }
}
