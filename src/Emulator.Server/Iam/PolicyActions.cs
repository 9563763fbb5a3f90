using Emulator.Core.Iam;
using Emulator.Core.Iam.Policies;
using Emulator.Server.Pipeline;
using static Emulator.Server.Iam.IamActions;

namespace Emulator.Server.Iam;

/// <summary>Action-table entries for managed policies and their versions.</summary>
public static class PolicyActions
{
    public static IEnumerable<AwsOperation> All(IamService iam)
    {
        var policies = iam.Policies;
        yield return Op("CreatePolicy", IamResources.NewPolicy, (c, w) =>
        {
            var policy = policies.Create(c.AccountId, c["PolicyName"], c["Path"], c["PolicyDocument"], c["Description"], c.Parameters.Tags());
            w.Object("Policy", p => IamXml.Policy(p, policy, new PolicyUsage(0, 0), PolicyShape.Created));
        });
        yield return Op("GetPolicy", IamResources.Policy, (c, w) =>
        {
            var detail = policies.GetDetail(c.AccountId, c["PolicyArn"]);
            w.Object("Policy", p => IamXml.Policy(p, detail.Policy, detail.Usage, PolicyShape.Full));
        });
        yield return Op("ListPolicies", AwsOperation.Everything, (c, w) =>
        {
            var page = policies.List(c.AccountId, c["Scope"], c.Parameters.Bool("OnlyAttached") ?? false, c["PathPrefix"],
                c["PolicyUsageFilter"], c["Marker"], MaxItems(c));
            w.List("Policies", page.Items, (p, item) => IamXml.Policy(p, item.Policy, item.Usage, PolicyShape.Listed));
            IamXml.Paging(w, page);
        });
        yield return Op("DeletePolicy", IamResources.Policy, (c, w) => policies.Delete(c.AccountId, c["PolicyArn"]));
        yield return Op("CreatePolicyVersion", IamResources.Policy, (c, w) =>
        {
            var version = policies.CreateVersion(c.AccountId, c["PolicyArn"], c["PolicyDocument"], c.Parameters.Bool("SetAsDefault") ?? false);
            var policy = policies.Get(c.AccountId, c["PolicyArn"]);
            w.Object("PolicyVersion", v => IamXml.PolicyVersion(v, policy, version, withDocument: false));
        });
        yield return Op("GetPolicyVersion", IamResources.Policy, (c, w) =>
        {
            var (policy, version) = policies.GetVersion(c.AccountId, c["PolicyArn"], c["VersionId"]);
            w.Object("PolicyVersion", v => IamXml.PolicyVersion(v, policy, version, withDocument: true));
        });
        yield return Op("ListPolicyVersions", IamResources.Policy, (c, w) =>
        {
            var (policy, page) = policies.ListVersions(c.AccountId, c["PolicyArn"], c["Marker"], MaxItems(c));
            w.List("Versions", page.Items, (v, version) => IamXml.PolicyVersion(v, policy, version, withDocument: false));
            IamXml.Paging(w, page);
        });
        yield return Op("DeletePolicyVersion", IamResources.Policy, (c, w) => policies.DeleteVersion(c.AccountId, c["PolicyArn"], c["VersionId"]));
        yield return Op("SetDefaultPolicyVersion", IamResources.Policy, (c, w) => policies.SetDefaultVersion(c.AccountId, c["PolicyArn"], c["VersionId"]));
        yield return Op("ListEntitiesForPolicy", IamResources.Policy, (c, w) =>
        {
            var entities = policies.ListEntities(c.AccountId, c["PolicyArn"], c["EntityFilter"], c["PathPrefix"], c["Marker"], MaxItems(c));
            w.List("PolicyGroups", entities.Groups, (g, group) => g.Value("GroupName", group.GroupName).Value("GroupId", group.GroupId));
            w.List("PolicyUsers", entities.Users, (u, user) => u.Value("UserName", user.UserName).Value("UserId", user.UserId));
            w.List("PolicyRoles", entities.Roles, (r, role) => r.Value("RoleName", role.RoleName).Value("RoleId", role.RoleId));
            w.Value("IsTruncated", entities.IsTruncated).Value("Marker", entities.Marker);
        });
        yield return Op("TagPolicy", IamResources.Policy, (c, w) => policies.Tag(c.AccountId, c["PolicyArn"], c.Parameters.Tags()));
        yield return Op("UntagPolicy", IamResources.Policy, (c, w) => policies.Untag(c.AccountId, c["PolicyArn"], c.Parameters.List("TagKeys")));
        yield return Op("ListPolicyTags", IamResources.Policy, (c, w) =>
        {
            var page = policies.ListTags(c.AccountId, c["PolicyArn"], c["Marker"], MaxItems(c));
            IamXml.Tags(w, page.Items);
            IamXml.Paging(w, page);
        });
    }
}
