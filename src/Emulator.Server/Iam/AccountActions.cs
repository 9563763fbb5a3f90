using Emulator.Core.Iam;
using Emulator.Core.Iam.Policies;
using Emulator.Core.Iam.Validation;
using Emulator.Server.Pipeline;
using Emulator.Server.Protocol;
using static Emulator.Server.Iam.IamActions;

namespace Emulator.Server.Iam;

/// <summary>Action-table entries for account-wide calls: aliases, summary and authorization details.</summary>
public static class AccountActions
{
    private static readonly string[] Filters = ["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"];

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

    private static void AuthorizationDetails(IamService iam, OperationContext c, QueryXmlWriter w)
    {
        var filter = c.Parameters.List("Filter");
        var validator = new ParameterValidator();
        for (var i = 0; i < filter.Count; i++)
        {
            validator.OneOf($"filter.{i + 1}.member", filter[i], Filters);
        }

        validator.ThrowIfInvalid();
        bool Wants(string kind) => filter.Count == 0 || filter.Contains(kind);
        iam.Context.Store.Read(state =>
        {
            var acct = IamRules.Account(state, c.AccountId);
            void Inline(QueryXmlWriter x, string name, IEnumerable<InlinePolicy> policies) =>
                x.List(name, policies, (p, policy) => p.Value("PolicyName", policy.PolicyName).PolicyDocument("PolicyDocument", policy.Policy.Text));
            void Attached(QueryXmlWriter x, IEnumerable<string> arns) =>
                x.List("AttachedManagedPolicies", IamRules.AttachedPolicies(state, acct, arns, null),
                    (p, policy) => p.Value("PolicyName", policy.PolicyName).Value("PolicyArn", policy.Arn));
            void Boundary(QueryXmlWriter x, string? arn)
            {
                if (arn is not null)
                {
                    x.Object("PermissionsBoundary", b => b.Value("PermissionsBoundaryType", "PermissionsBoundaryPolicy").Value("PermissionsBoundaryArn", arn));
                }
            }

            w.List("UserDetailList", acct.Users.Values.Where(_ => Wants("User")).OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase), (x, user) =>
            {
                x.Value("Path", user.Path).Value("UserName", user.UserName).Value("UserId", user.UserId).Value("Arn", user.Arn).Value("CreateDate", user.CreateDate);
                Inline(x, "UserPolicyList", user.InlinePolicies);
                x.StringList("GroupList", acct.Groups.Values.Where(g => g.UserNames.Contains(user.UserName)).Select(g => g.GroupName));
                Attached(x, user.AttachedPolicyArns);
                Boundary(x, user.PermissionsBoundaryArn);
                IamXml.Tags(x, user.Tags);
            });
            w.List("GroupDetailList", acct.Groups.Values.Where(_ => Wants("Group")).OrderBy(g => g.GroupName, StringComparer.OrdinalIgnoreCase), (x, group) =>
            {
                IamXml.Group(x, group);
                Inline(x, "GroupPolicyList", group.InlinePolicies);
                Attached(x, group.AttachedPolicyArns);
            });
            w.List("RoleDetailList", acct.Roles.Values.Where(_ => Wants("Role")).OrderBy(r => r.RoleName, StringComparer.OrdinalIgnoreCase), (x, role) =>
            {
                x.Value("Path", role.Path).Value("RoleName", role.RoleName).Value("RoleId", role.RoleId).Value("Arn", role.Arn)
                    .Value("CreateDate", role.CreateDate).PolicyDocument("AssumeRolePolicyDocument", role.AssumeRolePolicy.Text);
                x.List("InstanceProfileList", acct.InstanceProfiles.Values.Where(p => string.Equals(p.RoleName, role.RoleName, StringComparison.OrdinalIgnoreCase)),
                    (p, profile) => IamXml.InstanceProfile(p, profile, role));
                Inline(x, "RolePolicyList", role.InlinePolicies);
                Attached(x, role.AttachedPolicyArns);
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
            var local = acct.Policies.Values.Where(_ => Wants("LocalManagedPolicy"));
            var aws = state.AwsManagedPolicies.Values.Where(p => Wants("AWSManagedPolicy")
                && ManagedPolicyOperations.Usage(acct, p.Arn) is { } u && (u.Attachments > 0 || u.Boundaries > 0));
            w.List("Policies", local.Concat(aws).OrderBy(p => p.Arn, StringComparer.Ordinal), (x, policy) =>
            {
                var usage = ManagedPolicyOperations.Usage(acct, policy.Arn);
                x.Value("PolicyName", policy.PolicyName).Value("PolicyId", policy.PolicyId).Value("Arn", policy.Arn).Value("Path", policy.Path)
                    .Value("DefaultVersionId", policy.DefaultVersionId).Value("AttachmentCount", usage.Attachments)
                    .Value("PermissionsBoundaryUsageCount", usage.Boundaries).Value("IsAttachable", true)
                    .Value("Description", policy.Description).Value("CreateDate", policy.CreateDate).Value("UpdateDate", policy.UpdateDate);
                x.List("PolicyVersionList", policy.Versions, (v, version) => IamXml.PolicyVersion(v, policy, version, withDocument: true));
            });
            w.Value("IsTruncated", false);
            return true;
        });
    }
}
