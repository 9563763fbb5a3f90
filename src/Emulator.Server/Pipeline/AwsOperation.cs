using Emulator.Server.Protocol;

namespace Emulator.Server.Pipeline;

/// <summary>
/// One entry of a service's action table: what authorization needs (IAM action and resource ARN)
/// and the handler that runs once it is allowed. Handlers never check permissions themselves.
/// </summary>
public sealed record AwsOperation(
    string Name,
    string IamAction,
    Func<OperationContext, string> Resource,
    Action<OperationContext, QueryXmlWriter> Handler)
{
    /// <summary>Unsigned operations (AssumeRoleWithWebIdentity) skip authentication and authorization.</summary>
    public bool AllowsAnonymous { get; init; }

    /// <summary>Operations whose outcome no policy can change (sts:GetCallerIdentity).</summary>
    public bool SkipsAuthorization { get; init; }

    /// <summary>Checks that run before authorization, in AWS's order (AssumeRole refuses root callers and bad parameters first).</summary>
    public Action<OperationContext>? Validate { get; init; }

    /// <summary>
    /// For unsigned operations whose caller is proven another way (a web-identity token): finds the
    /// caller before authorization, which then runs as for any signed call.
    /// </summary>
    public Func<OperationContext, Task<Emulator.Core.Identity.Principal>>? IdentifyCaller { get; init; }

    /// <summary>When set, replaces the single check of <see cref="IamAction"/> on <see cref="Resource"/>.</summary>
    public Func<OperationContext, IReadOnlyList<AuthorizationCheck>>? Checks { get; init; }

    public IReadOnlyList<AuthorizationCheck> AuthorizationChecks(OperationContext context) =>
        Checks?.Invoke(context) ?? [new AuthorizationCheck(IamAction, Resource(context))];

    public static string Everything(OperationContext context) => "*";
}
