using Emulator.Core.Iam;
using Emulator.Core.Identity;
using Emulator.Server.Pipeline;

namespace Emulator.Server.Iam;

/// <summary>
/// The resource ARNs IAM actions are authorized against. Existing entities are named with their
/// real path; an entity being created (or not found) is named with the path the request gives.
/// </summary>
public sealed class IamResources(IamService iam)
{
    public string Role(OperationContext context, string parameter = "RoleName") =>
        Lookup(context, "role", context[parameter], iam.Roles.ArnOf);

    public string User(OperationContext context, string parameter = "UserName")
    {
        var name = context[parameter];
        if (name is null && context.Principal.Type == PrincipalType.User)
        {
            return context.Principal.Arn; // calls about "myself" (CreateAccessKey, GetUser without UserName)
        }

        return Lookup(context, "user", name, iam.Users.ArnOf);
    }

    public string Group(OperationContext context) =>
        Lookup(context, "group", context["GroupName"], iam.Groups.ArnOf);

    public string InstanceProfile(OperationContext context) =>
        Lookup(context, "instance-profile", context["InstanceProfileName"], iam.InstanceProfiles.ArnOf);

    /// <summary>
    /// List calls over a path-based entity are authorized against the path they list, as AWS's
    /// denials show ("iam:ListRoles on resource: arn:aws:iam::123456789012:role/").
    /// </summary>
    public static string PathPrefix(OperationContext context, string type) => context.Arn(type, context["PathPrefix"], "");

    public static string Policy(OperationContext context) => context["PolicyArn"] ?? "*";

    public static string NewPolicy(OperationContext context) => context.Arn("policy", context["Path"], context["PolicyName"]);

    public static string OpenIdConnectProvider(OperationContext context) => context["OpenIDConnectProviderArn"] ?? "*";

    public static string SamlProvider(OperationContext context) => context["SAMLProviderArn"] ?? "*";

    /// <param name="arnOf">The entity's ARN by account id and name, or null when it does not exist.</param>
    private static string Lookup(OperationContext context, string type, string? name, Func<string, string, string?> arnOf)
    {
        if (name is null)
        {
            return "*";
        }

        return arnOf(context.AccountId, name) ?? context.Arn(type, context["Path"], name);
    }
}
