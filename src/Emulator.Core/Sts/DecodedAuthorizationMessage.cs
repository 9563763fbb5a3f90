namespace Emulator.Core.Sts;

/// <summary>
/// The JSON sts:DecodeAuthorizationMessage returns, in AWS's shape: every list wrapped in an object
/// with an "items" array (allowed, explicitDeny, matchedStatements, failures, context).
/// </summary>
internal sealed record DecodedAuthorizationMessage(
    bool Allowed,
    bool ExplicitDeny,
    DecodedAuthorizationMessage.ItemList<DecodedAuthorizationMessage.MatchedStatement> MatchedStatements,
    DecodedAuthorizationMessage.ItemList<DecodedAuthorizationMessage.MatchedStatement> Failures,
    DecodedAuthorizationMessage.RequestContext Context)
{
    public static DecodedAuthorizationMessage From(AuthorizationFailure failure) => new(
        failure.Allowed,
        failure.ExplicitDeny,
        new([.. failure.MatchedStatements.Select(s => new MatchedStatement(s))]),
        new([]), // AWS lists no failure items for a plain policy denial
        new RequestContext(
            new Principal(failure.PrincipalId, failure.PrincipalName, failure.PrincipalArn),
            failure.Action,
            failure.Resource,
            new([.. failure.Conditions.Select(c => new Condition(c.Key, new([.. c.Value.Select(v => new ConditionValue(v))])))])));

    internal sealed record ItemList<T>(IReadOnlyList<T> Items);

    internal sealed record MatchedStatement(string StatementId);

    internal sealed record RequestContext(Principal Principal, string Action, string Resource, ItemList<Condition> Conditions);

    /// <summary>The name is omitted for principals that have none (an account root).</summary>
    internal sealed record Principal(string Id, string? Name, string Arn);

    internal sealed record Condition(string Key, ItemList<ConditionValue> Values);

    internal sealed record ConditionValue(string Value);
}
