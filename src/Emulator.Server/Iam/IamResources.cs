using Emulator.Core.Identity;
using Emulator.Core.Store;
using Emulator.Server.Pipeline;

namespace Emulator.Server.Iam;

/// <summary>
/// The resource ARNs IAM actions are authorized against. Existing entities are named with their
/// real path; an entity being created (or not found) is named with the path the request gives.
/// </summary>
public sealed class IamResources(IEmulatorStore store)
{
    public string Role(OperationContext context, string parameter = "RoleName") =>
        Lookup(context, "role", context[parameter], static (a, n) => a.Roles.GetValueOrDefault(n)?.Arn);

    public string User(OperationContext context, string parameter = "UserName")
    {
        var name = context[parameter];
        if (name is null && context.Principal.Type == PrincipalType.User)
        {
            return context.Principal.Arn; // calls about "myself" (CreateAccessKey, GetUser without UserName)
        }

        return Lookup(context, "user", name, static (a, n) => a.Users.GetValueOrDefault(n)?.Arn);
    }

    public string Group(OperationContext context) =>
        Lookup(context, "group", context["GroupName"], static (a, n) => a.Groups.GetValueOrDefault(n)?.Arn);

    public string InstanceProfile(OperationContext context) =>
        Lookup(context, "instance-profile", context["InstanceProfileName"], static (a, n) => a.InstanceProfiles.GetValueOrDefault(n)?.Arn);

    /// <summary>
    /// List calls over a path-based entity are authorized against the path they list, as AWS's
    /// denials show ("iam:ListRoles on resource: arn:aws:iam::123456789012:role/").
    /// </summary>
    public static string PathPrefix(OperationContext context, string type) => context.Arn(type, context["PathPrefix"], "");

    public static string Policy(OperationContext context) => context["PolicyArn"] ?? "*";

    public static string NewPolicy(OperationContext context) => context.Arn("policy", context["Path"], context["PolicyName"]);

    public static string OpenIdConnectProvider(OperationContext context) => context["OpenIDConnectProviderArn"] ?? "*";

    private string Lookup(OperationContext context, string type, string? name, Func<AccountState, string, string?> find)
    {
        if (name is null)
        {
            return "*";
        }

        var existing = store.Read(state => state.Accounts.TryGetValue(context.AccountId, out var account) ? find(account, name) : null);
        return existing ?? context.Arn(type, context["Path"], name);
    }
}
