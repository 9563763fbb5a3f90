namespace Emulator.Server.Authorization;

/// <summary>Interim authorizer: the root of an account may do anything in it; nobody else yet.</summary>
public sealed class RootOnlyAuthorizer : IRequestAuthorizer
{
    public AuthorizationDecision Authorize(AuthorizationRequest request) =>
        request.Principal.IsRoot
            ? AuthorizationDecision.Allow("the root of the account is allowed every action in its own account")
            : AuthorizationDecision.Deny("ImplicitDeny", "no identity-based policy allows the action",
                $"User: {request.Principal.Arn} is not authorized to perform: {request.Action}{(request.Resource == "*" ? "" : $" on resource: {request.Resource}")} because no identity-based policy allows the {request.Action} action");
}
