using Emulator.Core.Iam;
using Emulator.Server.Pipeline;
using static Emulator.Server.Iam.IamActions;

namespace Emulator.Server.Iam;

/// <summary>Action-table entries for roles and their policies.</summary>
public static class RoleActions
{
    public static IEnumerable<AwsOperation> All(IamService iam, IamResources resources)
    {
        var roles = iam.Roles;
        yield return Op("CreateRole", c => resources.Role(c), (c, w) =>
        {
            var role = roles.Create(c.AccountId, c["RoleName"], c["Path"], c["AssumeRolePolicyDocument"], c["Description"],
                c.Parameters.Int("MaxSessionDuration", "maxSessionDuration"), c["PermissionsBoundary"], c.Parameters.Tags());
            w.Object("Role", r => IamXml.Role(r, role, RoleShape.Created));
        });
        yield return Op("GetRole", c => resources.Role(c), (c, w) =>
            w.Object("Role", roles.Get(c.AccountId, c["RoleName"]), IamXml.FullRoles));
        yield return Op("ListRoles", c => IamResources.PathPrefix(c, "role"), (c, w) =>
        {
            var page = roles.List(c.AccountId, c["PathPrefix"], c["Marker"], MaxItems(c));
            w.List("Roles", page.Items, IamXml.ListedRoles);
            IamXml.Paging(w, page);
        });
        yield return Op("UpdateRole", c => resources.Role(c), (c, w) =>
        {
            roles.Update(c.AccountId, c["RoleName"], c["Description"], c.Parameters.Int("MaxSessionDuration", "maxSessionDuration"));

            // UpdateRole's output shape is empty, yet IAM answers <UpdateRoleResult/>: botocore looks it up (KeyError without it).
            w.EmptyResult();
        });
        yield return Op("UpdateRoleDescription", c => resources.Role(c), (c, w) =>
        {
            var role = roles.Update(c.AccountId, c["RoleName"], c["Description"] ?? "", null);
            w.Object("Role", r => IamXml.Role(r, role, RoleShape.Full));
        });
        yield return Op("UpdateAssumeRolePolicy", c => resources.Role(c), (c, w) =>
            roles.UpdateAssumeRolePolicy(c.AccountId, c["RoleName"], c["PolicyDocument"]));
        yield return Op("DeleteRole", c => resources.Role(c), (c, w) => roles.Delete(c.AccountId, c["RoleName"]));
        yield return Op("TagRole", c => resources.Role(c), (c, w) => roles.Tag(c.AccountId, c["RoleName"], c.Parameters.Tags()));
        yield return Op("UntagRole", c => resources.Role(c), (c, w) => roles.Untag(c.AccountId, c["RoleName"], c.Parameters.List("TagKeys")));
        yield return Op("ListRoleTags", c => resources.Role(c), (c, w) =>
        {
            var page = roles.ListTags(c.AccountId, c["RoleName"], c["Marker"], MaxItems(c));
            IamXml.Tags(w, page.Items);
            IamXml.Paging(w, page);
        });
        yield return Op("PutRolePermissionsBoundary", c => resources.Role(c), (c, w) =>
            roles.PutPermissionsBoundary(c.AccountId, c["RoleName"], c["PermissionsBoundary"]));
        yield return Op("DeleteRolePermissionsBoundary", c => resources.Role(c), (c, w) =>
            roles.DeletePermissionsBoundary(c.AccountId, c["RoleName"]));
        yield return Op("PutRolePolicy", c => resources.Role(c), (c, w) =>
            roles.PutPolicy(c.AccountId, c["RoleName"], c["PolicyName"], c["PolicyDocument"]));
        yield return Op("GetRolePolicy", c => resources.Role(c), (c, w) =>
        {
            var role = roles.Get(c.AccountId, c["RoleName"]);
            var policy = roles.GetPolicy(c.AccountId, c["RoleName"], c["PolicyName"]);
            w.Value("RoleName", role.RoleName).Value("PolicyName", policy.PolicyName).PolicyDocument("PolicyDocument", policy.Policy.Text);
        });
        yield return Op("ListRolePolicies", c => resources.Role(c), (c, w) =>
        {
            var page = roles.ListPolicies(c.AccountId, c["RoleName"], c["Marker"], MaxItems(c));
            w.StringList("PolicyNames", page.Items);
            IamXml.Paging(w, page);
        });
        yield return Op("DeleteRolePolicy", c => resources.Role(c), (c, w) =>
            roles.DeletePolicy(c.AccountId, c["RoleName"], c["PolicyName"]));
        yield return Op("AttachRolePolicy", c => resources.Role(c), (c, w) =>
            roles.AttachPolicy(c.AccountId, c["RoleName"], c["PolicyArn"]));
        yield return Op("DetachRolePolicy", c => resources.Role(c), (c, w) =>
            roles.DetachPolicy(c.AccountId, c["RoleName"], c["PolicyArn"]));
        yield return Op("ListAttachedRolePolicies", c => resources.Role(c), (c, w) =>
            IamXml.AttachedPolicies(w, roles.ListAttachedPolicies(c.AccountId, c["RoleName"], c["PathPrefix"], c["Marker"], MaxItems(c))));
    }
}
