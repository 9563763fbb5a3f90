namespace Emulator.Core.Sts;

/// <summary>
/// What an encoded authorization failure message (EC2's UnauthorizedOperation) tells whoever may
/// decode it: the decision, the matched statements, and the request context it was made in.
/// </summary>
public sealed record AuthorizationFailure(
    bool Allowed,
    bool ExplicitDeny,
    IReadOnlyList<string> MatchedStatements,
    string PrincipalId,
    string? PrincipalName,
    string PrincipalArn,
    string Action,
    string Resource,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Conditions);
