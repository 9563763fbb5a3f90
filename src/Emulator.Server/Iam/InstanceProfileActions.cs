using Emulator.Core.Iam;
using Emulator.Server.Pipeline;
using static Emulator.Server.Iam.IamActions;

namespace Emulator.Server.Iam;

/// <summary>Action-table entries for instance profiles.</summary>
public static class InstanceProfileActions
{
    public static IEnumerable<AwsOperation> All(IamService iam, IamResources resources)
    {
        var profiles = iam.InstanceProfiles;
        yield return Op("CreateInstanceProfile", resources.InstanceProfile, (c, w) =>
        {
            var profile = profiles.Create(c.AccountId, c["InstanceProfileName"], c["Path"], c.Parameters.Tags());
            w.Object("InstanceProfile", p => IamXml.InstanceProfile(p, profile, null));
        });
        yield return Op("GetInstanceProfile", resources.InstanceProfile, (c, w) =>
        {
            var (profile, role) = profiles.Get(c.AccountId, c["InstanceProfileName"]);
            w.Object("InstanceProfile", p => IamXml.InstanceProfile(p, profile, role));
        });
        yield return Op("ListInstanceProfiles", c => IamResources.PathPrefix(c, "instance-profile"), (c, w) =>
        {
            var page = profiles.List(c.AccountId, c["PathPrefix"], c["Marker"], MaxItems(c));
            w.List("InstanceProfiles", page.Items, (p, item) => IamXml.InstanceProfile(p, item.Profile, item.Role, withTags: false));
            IamXml.Paging(w, page);
        });
        yield return Op("ListInstanceProfilesForRole", c => resources.Role(c), (c, w) =>
        {
            var page = profiles.ListForRole(c.AccountId, c["RoleName"], c["Marker"], MaxItems(c));
            w.List("InstanceProfiles", page.Items, (p, item) => IamXml.InstanceProfile(p, item.Profile, item.Role));
            IamXml.Paging(w, page);
        });
        yield return Op("AddRoleToInstanceProfile", resources.InstanceProfile, (c, w) =>
            profiles.AddRole(c.AccountId, c["InstanceProfileName"], c["RoleName"]));
        yield return Op("RemoveRoleFromInstanceProfile", resources.InstanceProfile, (c, w) =>
            profiles.RemoveRole(c.AccountId, c["InstanceProfileName"], c["RoleName"]));
        yield return Op("DeleteInstanceProfile", resources.InstanceProfile, (c, w) => profiles.Delete(c.AccountId, c["InstanceProfileName"]));
        yield return Op("TagInstanceProfile", resources.InstanceProfile, (c, w) =>
            profiles.Tag(c.AccountId, c["InstanceProfileName"], c.Parameters.Tags()));
        yield return Op("UntagInstanceProfile", resources.InstanceProfile, (c, w) =>
            profiles.Untag(c.AccountId, c["InstanceProfileName"], c.Parameters.List("TagKeys")));
        yield return Op("ListInstanceProfileTags", resources.InstanceProfile, (c, w) =>
        {
            var page = profiles.ListTags(c.AccountId, c["InstanceProfileName"], c["Marker"], MaxItems(c));
            IamXml.Tags(w, page.Items);
            IamXml.Paging(w, page);
        });
    }
}
