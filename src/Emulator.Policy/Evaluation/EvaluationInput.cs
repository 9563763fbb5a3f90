namespace Emulator.Policy;

/// <summary>The policies that apply to one request, and the facts about the caller that change how they combine.</summary>
public sealed record EvaluationInput
{
    /// <summary>User inline + attached + group policies, or the role's inline + attached policies.</summary>
    public IReadOnlyList<PolicySource> IdentityPolicies { get; init; } = [];

    /// <summary>The permissions boundary, or null when the principal has none.</summary>
    public PolicySource? PermissionsBoundary { get; init; }

    /// <summary>
    /// Session policies (inline <c>Policy</c> and <c>PolicyArns</c>), or null when the session was created
    /// without any. A federated user (GetFederationToken) without session policies is denied everything.
    /// </summary>
    public IReadOnlyList<PolicySource>? SessionPolicies { get; init; }

    /// <summary>Resource-based policies of the target; in this emulator the role trust policy for <c>sts:AssumeRole*</c>.</summary>
    public IReadOnlyList<PolicySource> ResourcePolicies { get; init; } = [];

    /// <summary>The caller is an account root user: its own side (identity, boundary, session) always allows.</summary>
    public bool IsRoot { get; init; }

    /// <summary>Caller and resource are in the same account. Cross-account requests need both sides to allow.</summary>
    public bool SameAccount { get; init; } = true;

    /// <summary>
    /// The resource policy must allow explicitly, as role trust policies must ("an identity policy alone never
    /// lets anyone assume a role"). Denial messages then name the role trust policy.
    /// </summary>
    public bool RequireResourcePolicyAllow { get; init; }
}
