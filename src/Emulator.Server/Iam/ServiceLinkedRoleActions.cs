using Emulator.Core.Iam;
using Emulator.Core.Iam.Roles;
using Emulator.Server.Pipeline;
using static Emulator.Server.Iam.IamActions;

namespace Emulator.Server.Iam;

/// <summary>Action-table entries for service-linked roles (Terraform's aws_iam_service_linked_role).</summary>
public static class ServiceLinkedRoleActions
{
    public static IEnumerable<AwsOperation> All(IamService iam)
    {
        var linked = iam.ServiceLinkedRoles;
        yield return Op("CreateServiceLinkedRole", RoleToBeCreated, (c, w) =>
        {
            var role = linked.Create(c.AccountId, c["AWSServiceName"], c["Description"], c["CustomSuffix"]);
            w.Object("Role", r => IamXml.Role(r, role, RoleShape.Created));
        });
        yield return Op("DeleteServiceLinkedRole", c => iam.Roles.ArnOf(c.AccountId, c["RoleName"] ?? "") ?? c.IamArn($"role/aws-service-role/*/{c["RoleName"]}"),
            (c, w) => w.Value("DeletionTaskId", linked.Delete(c.AccountId, c["RoleName"])));
        yield return Op("GetServiceLinkedRoleDeletionStatus", _ => "*", (c, w) =>
        {
            var deletion = linked.DeletionStatus(c.AccountId, c["DeletionTaskId"]);
            w.Value("Status", deletion.Status);
        });
    }

    /// <summary>The ARN the role will have: authorization names it before the role exists, as IAM does.</summary>
    private static string RoleToBeCreated(OperationContext context)
    {
        var principal = context["AWSServiceName"] ?? "";
        var name = LinkedServices.Find(principal)?.RoleName ?? "*";
        var suffix = context["CustomSuffix"] is { } custom ? $"_{custom}" : "";
        return context.IamArn($"role/aws-service-role/{principal}/{name}{suffix}");
    }
}
