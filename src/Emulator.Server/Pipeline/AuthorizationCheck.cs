using Emulator.Policy;

namespace Emulator.Server.Pipeline;

/// <summary>
/// One question an operation needs answered before its handler runs. Most operations ask one
/// (their IAM action on their resource); AssumeRole also brings the role's trust policy and may
/// ask for sts:TagSession and sts:SetSourceIdentity too.
/// </summary>
public sealed record AuthorizationCheck(string Action, string Resource)
{
    /// <summary>The resource-based policy of the target (a role trust policy), if any.</summary>
    public PolicySource? ResourcePolicy { get; init; }

    /// <summary>The account owning the resource; null means the caller's own account.</summary>
    public string? ResourceAccountId { get; init; }

    /// <summary>Role trust policies must allow explicitly: an identity policy alone never lets anyone assume a role.</summary>
    public bool RequireResourcePolicyAllow { get; init; }

    /// <summary>The message AWS gives this operation's denials when it is not the usual sentence.</summary>
    public string? DenialMessage { get; init; }

    /// <summary>Condition keys specific to this operation (sts:RoleSessionName, sts:ExternalId…).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ContextKeys { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
