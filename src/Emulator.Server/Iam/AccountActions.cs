using Emulator.Core.Iam;
using Emulator.Core.Iam.Policies;
using Emulator.Server.Pipeline;
using Emulator.Server.Protocol;
using static Emulator.Server.Iam.IamActions;

namespace Emulator.Server.Iam;

/// <summary>Action-table entries for account-wide calls: aliases, summary and authorization details.</summary>
public static class AccountActions
{
    public static IEnumerable<AwsOperation> All(IamService iam)
    {
        var account = iam.Account;
        yield return Op("CreateAccountAlias", AwsOperation.Everything, (c, w) => account.CreateAlias(c.AccountId, c["AccountAlias"]));
        yield return Op("DeleteAccountAlias", AwsOperation.Everything, (c, w) => account.DeleteAlias(c.AccountId, c["AccountAlias"]));
        yield return Op("ListAccountAliases", AwsOperation.Everything, (c, w) =>
        {
            w.StringList("AccountAliases", account.ListAliases(c.AccountId));
            w.Value("IsTruncated", false);
        });
        yield return Op("GetAccountSummary", AwsOperation.Everything, (c, w) =>
            w.Map("SummaryMap", account.Summary(c.AccountId).Select(e => new KeyValuePair<string, string>(e.Key, e.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        yield return Op("GetAccountAuthorizationDetails", AwsOperation.Everything, (c, w) => AuthorizationDetails(iam, c, w));
    }

    /// <summary>Core reads the account in one snapshot; the XML is written after the store call returns.</summary>
    private static void AuthorizationDetails(IamService iam, OperationContext c, QueryXmlWriter w)
    {
        var details = iam.Account.AuthorizationDetails(c.AccountId, c.Parameters.List("Filter"), c["Marker"], MaxItems(c));
        w.List("UserDetailList", details.Users, (x, detail) =>
        {
            var user = detail.User;
            x.Value("Path", user.Path).Value("UserName", user.UserName).Value("UserId", user.UserId).Value("Arn", user.Arn).Value("CreateDate", user.CreateDate);
            Inline(x, "UserPolicyList", user.InlinePolicies);
            x.StringList("GroupList", detail.GroupNames);
            Attached(x, detail.AttachedPolicies);
            Boundary(x, user.PermissionsBoundaryArn);
            IamXml.Tags(x, user.Tags);
        });
        w.List("GroupDetailList", details.Groups, (x, detail) =>
        {
            IamXml.Group(x, detail.Group);
            Inline(x, "GroupPolicyList", detail.Group.InlinePolicies);
            Attached(x, detail.AttachedPolicies);
        });
        w.List("RoleDetailList", details.Roles, (x, detail) =>
        {
            var role = detail.Role;
            x.Value("Path", role.Path).Value("RoleName", role.RoleName).Value("RoleId", role.RoleId).Value("Arn", role.Arn)
                .Value("CreateDate", role.CreateDate).PolicyDocument("AssumeRolePolicyDocument", role.AssumeRolePolicy.Text);
            x.List("InstanceProfileList", detail.InstanceProfiles, (p, profile) => IamXml.InstanceProfile(p, profile, role));
            Inline(x, "RolePolicyList", role.InlinePolicies);
            Attached(x, detail.AttachedPolicies);
            Boundary(x, role.PermissionsBoundaryArn);
            IamXml.Tags(x, role.Tags);
            if (role.LastUsed is { } used)
            {
                x.Object("RoleLastUsed", u => u.Value("LastUsedDate", used.LastUsedDate).Value("Region", used.Region));
            }
            else
            {
                x.Empty("RoleLastUsed");
            }
        });
        w.List("Policies", details.Policies, (x, detail) =>
        {
            var (policy, usage) = detail;
            x.Value("PolicyName", policy.PolicyName).Value("PolicyId", policy.PolicyId).Value("Arn", policy.Arn).Value("Path", policy.Path)
                .Value("DefaultVersionId", policy.DefaultVersionId).Value("AttachmentCount", usage.Attachments)
                .Value("PermissionsBoundaryUsageCount", usage.Boundaries).Value("IsAttachable", true)
                .Value("Description", policy.Description).Value("CreateDate", policy.CreateDate).Value("UpdateDate", policy.UpdateDate);
            x.List("PolicyVersionList", policy.Versions, (v, version) => IamXml.PolicyVersion(v, policy, version, withDocument: true));
        });
        w.Value("IsTruncated", details.IsTruncated).Value("Marker", details.Marker);
    }

    private static void Inline(QueryXmlWriter x, string name, IEnumerable<InlinePolicy> policies) =>
        x.List(name, policies, (p, policy) => p.Value("PolicyName", policy.PolicyName).PolicyDocument("PolicyDocument", policy.Policy.Text));

    private static void Attached(QueryXmlWriter x, IEnumerable<ManagedPolicy> policies) =>
        x.List("AttachedManagedPolicies", policies, (p, policy) => p.Value("PolicyName", policy.PolicyName).Value("PolicyArn", policy.Arn));

    private static void Boundary(QueryXmlWriter x, string? arn)
    {
        if (arn is not null)
        {
            x.Object("PermissionsBoundary", b => b.Value("PermissionsBoundaryType", "PermissionsBoundaryPolicy").Value("PermissionsBoundaryArn", arn));
        }
    }
}
