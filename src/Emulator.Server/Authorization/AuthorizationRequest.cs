using Emulator.Core.Identity;

namespace Emulator.Server.Authorization;

/// <summary>
/// What the pipeline asks before a handler runs: may this principal do this action on this resource,
/// with these request facts (the raw material of the aws:* and service condition keys)?
/// </summary>
public sealed record AuthorizationRequest(Principal Principal, string Action, string Resource, string Region)
{
    public string RequestId { get; init; } = "";

    public string? SourceIp { get; init; }

    public string? UserAgent { get; init; }

    public bool SecureTransport { get; init; }

    /// <summary>The target's resource-based policy (a role trust policy), if any.</summary>
    public Emulator.Policy.PolicySource? ResourcePolicy { get; init; }

    /// <summary>The account owning the resource; null means the caller's own account.</summary>
    public string? ResourceAccountId { get; init; }

    public bool RequireResourcePolicyAllow { get; init; }

    /// <summary>Request-specific condition keys (aws:RequestTag/*, aws:TagKeys, iam:PolicyARN…), already derived from the parameters.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ContextKeys { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
