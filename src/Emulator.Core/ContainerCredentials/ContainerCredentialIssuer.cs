using Emulator.Core.Credentials;
using Emulator.Core.Iam.Tags;
using Emulator.Core.Sts;

namespace Emulator.Core.ContainerCredentials;

/// <summary>
/// The credentials a container presenting a token receives: its role's rotating set, one per token and
/// registration, with the binding's session tags as principal tags (over the role's tags of the same key,
/// as passed session tags override role tags in AssumeRole).
/// </summary>
public sealed class ContainerCredentialIssuer(ContainerCredentialRegistry registry, RotatingRoleCredentials rotating)
{
    /// <summary>Container sessions are not regional; the role's last use is recorded in the default region.</summary>
    private const string Region = "us-east-1";

    /// <summary>The set to serve for the token now; null when the token resolves to nothing.</summary>
    public IssuedSession? Issue(string token)
    {
        if (registry.Find(token) is not { } found)
        {
            return null;
        }

        var (binding, role) = found;

        var holder = $"container:{binding.TokenHash}:{binding.BindingId}";
        return rotating.Current(holder, role, binding.SessionName, Region, binding.RegisteredAt,
            session => session with { Tags = Merge(session.Tags, binding.SessionTags) });
    }

    private static List<Tag> Merge(IReadOnlyList<Tag> roleTags, IReadOnlyList<Tag> sessionTags) =>
        [.. roleTags.Where(r => !sessionTags.Any(s => string.Equals(s.Key, r.Key, StringComparison.OrdinalIgnoreCase))), .. sessionTags];
}
