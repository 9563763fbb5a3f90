using Emulator.Core.Iam.Tags;
using Emulator.Policy;

namespace Emulator.Core.Authorization;

/// <summary>The policies that speak for a principal: identity policies, its permissions boundary, and its tags.</summary>
public sealed record PrincipalPolicySet(IReadOnlyList<PolicySource> IdentityPolicies, PolicySource? PermissionsBoundary, IReadOnlyList<Tag> Tags)
{
    public static PrincipalPolicySet None { get; } = new([], null, []);

    /// <summary>Session policies of a temporary-credential session; null when it has none (a role session then passes this gate).</summary>
    public IReadOnlyList<PolicySource>? SessionPolicies { get; init; }
}
