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

    /// <summary>Request-specific condition keys (aws:RequestTag/*, aws:TagKeys, iam:PolicyARN…), already derived from the parameters.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ContextKeys { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
