using Emulator.Core.Iam;
using Emulator.Server.Pipeline;
using static Emulator.Server.Iam.IamActions;

namespace Emulator.Server.Iam;

/// <summary>Action-table entries for groups, membership and group policies.</summary>
public static class GroupActions
{
    public static IEnumerable<AwsOperation> All(IamService iam, IamResources resources)
    {
        var groups = iam.Groups;
        yield return Op("CreateGroup", resources.Group, (c, w) =>
        {
            var group = groups.Create(c.AccountId, c["GroupName"], c["Path"]);
            w.Object("Group", g => IamXml.Group(g, group));
        });
        yield return Op("GetGroup", resources.Group, (c, w) =>
        {
            var (group, users) = groups.Get(c.AccountId, c["GroupName"], c["Marker"], MaxItems(c));
            w.Object("Group", g => IamXml.Group(g, group));
            w.List("Users", users.Items, IamXml.ListedUsers);
            IamXml.Paging(w, users);
        });
        yield return Op("ListGroups", c => IamResources.PathPrefix(c, "group"), (c, w) =>
        {
            var page = groups.List(c.AccountId, c["PathPrefix"], c["Marker"], MaxItems(c));
            w.List("Groups", page.Items, IamXml.Group);
            IamXml.Paging(w, page);
        });
        yield return Op("UpdateGroup", resources.Group, (c, w) => groups.Update(c.AccountId, c["GroupName"], c["NewGroupName"], c["NewPath"]));
        yield return Op("DeleteGroup", resources.Group, (c, w) => groups.Delete(c.AccountId, c["GroupName"]));
        yield return Op("AddUserToGroup", resources.Group, (c, w) => groups.AddUser(c.AccountId, c["GroupName"], c["UserName"]));
        yield return Op("RemoveUserFromGroup", resources.Group, (c, w) => groups.RemoveUser(c.AccountId, c["GroupName"], c["UserName"]));
        yield return Op("ListGroupsForUser", c => resources.User(c), (c, w) =>
        {
            var page = groups.ListForUser(c.AccountId, c["UserName"], c["Marker"], MaxItems(c));
            w.List("Groups", page.Items, IamXml.Group);
            IamXml.Paging(w, page);
        });
        yield return Op("PutGroupPolicy", resources.Group, (c, w) =>
            groups.PutPolicy(c.AccountId, c["GroupName"], c["PolicyName"], c["PolicyDocument"]));
        yield return Op("GetGroupPolicy", resources.Group, (c, w) =>
        {
            var policy = groups.GetPolicy(c.AccountId, c["GroupName"], c["PolicyName"]);
            var (group, _) = groups.Get(c.AccountId, c["GroupName"], null, null);
            w.Value("GroupName", group.GroupName).Value("PolicyName", policy.PolicyName).PolicyDocument("PolicyDocument", policy.Policy.Text);
        });
        yield return Op("ListGroupPolicies", resources.Group, (c, w) =>
        {
            var page = groups.ListPolicies(c.AccountId, c["GroupName"], c["Marker"], MaxItems(c));
            w.StringList("PolicyNames", page.Items);
            IamXml.Paging(w, page);
        });
        yield return Op("DeleteGroupPolicy", resources.Group, (c, w) =>
            groups.DeletePolicy(c.AccountId, c["GroupName"], c["PolicyName"]));
        yield return Op("AttachGroupPolicy", resources.Group, (c, w) =>
            groups.AttachPolicy(c.AccountId, c["GroupName"], c["PolicyArn"]));
        yield return Op("DetachGroupPolicy", resources.Group, (c, w) =>
            groups.DetachPolicy(c.AccountId, c["GroupName"], c["PolicyArn"]));
        yield return Op("ListAttachedGroupPolicies", resources.Group, (c, w) =>
            IamXml.AttachedPolicies(w, groups.ListAttachedPolicies(c.AccountId, c["GroupName"], c["PathPrefix"], c["Marker"], MaxItems(c))));
    }
}
