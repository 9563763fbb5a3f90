using Emulator.Core.Iam;
using Emulator.Core.Identity;
using Emulator.Core.Errors;
using Emulator.Server.Pipeline;
using static Emulator.Server.Iam.IamActions;

namespace Emulator.Server.Iam;

/// <summary>Action-table entries for users, their policies and access keys.</summary>
public static class UserActions
{
    public static IEnumerable<AwsOperation> All(IamService iam, IamResources resources)
    {
        var users = iam.Users;
        yield return Op("CreateUser", c => resources.User(c), (c, w) =>
        {
            var user = users.Create(c.AccountId, c["UserName"], c["Path"], c["PermissionsBoundary"], c.Parameters.Tags());
            w.Object("User", u => IamXml.User(u, user, full: true));
        });
        yield return Op("GetUser", c => resources.User(c), (c, w) =>
        {
            if (c["UserName"] is null && c.Principal.Type == PrincipalType.Account)
            {
                // The root asking about itself: IAM answers with the account, without UserName or Path.
                var created = iam.Account.CreateDate(c.AccountId);
                w.Object("User", u => u.Value("UserId", c.AccountId).Value("Arn", c.Principal.Arn).Value("CreateDate", created));
                return;
            }

            var name = c.UserNameOrCaller ?? throw IamErrors.ValidationError("Must specify userName when calling with non-User credentials");
            var user = users.Get(c.AccountId, name);
            w.Object("User", u => IamXml.User(u, user, full: true, iam.LoginProfiles.PasswordLastUsed(c.AccountId, user.UserName)));
        });
        yield return Op("ListUsers", c => IamResources.PathPrefix(c, "user"), (c, w) =>
        {
            var page = users.List(c.AccountId, c["PathPrefix"], c["Marker"], MaxItems(c));
            w.List("Users", page.Items, IamXml.ListedUsers);
            IamXml.Paging(w, page);
        });
        yield return Op("UpdateUser", c => resources.User(c), (c, w) =>
            users.Update(c.AccountId, c["UserName"], c["NewUserName"], c["NewPath"]));
        yield return Op("DeleteUser", c => resources.User(c), (c, w) => users.Delete(c.AccountId, c["UserName"]));
        yield return Op("TagUser", c => resources.User(c), (c, w) => users.Tag(c.AccountId, c["UserName"], c.Parameters.Tags()));
        yield return Op("UntagUser", c => resources.User(c), (c, w) => users.Untag(c.AccountId, c["UserName"], c.Parameters.List("TagKeys")));
        yield return Op("ListUserTags", c => resources.User(c), (c, w) =>
        {
            var page = users.ListTags(c.AccountId, c["UserName"], c["Marker"], MaxItems(c));
            IamXml.Tags(w, page.Items);
            IamXml.Paging(w, page);
        });
        yield return Op("PutUserPermissionsBoundary", c => resources.User(c), (c, w) =>
            users.PutPermissionsBoundary(c.AccountId, c["UserName"], c["PermissionsBoundary"]));
        yield return Op("DeleteUserPermissionsBoundary", c => resources.User(c), (c, w) =>
            users.DeletePermissionsBoundary(c.AccountId, c["UserName"]));
        yield return Op("PutUserPolicy", c => resources.User(c), (c, w) =>
            users.PutPolicy(c.AccountId, c["UserName"], c["PolicyName"], c["PolicyDocument"]));
        yield return Op("GetUserPolicy", c => resources.User(c), (c, w) =>
        {
            var user = users.Get(c.AccountId, c["UserName"]);
            var policy = users.GetPolicy(c.AccountId, c["UserName"], c["PolicyName"]);
            w.Value("UserName", user.UserName).Value("PolicyName", policy.PolicyName).PolicyDocument("PolicyDocument", policy.Policy.Text);
        });
        yield return Op("ListUserPolicies", c => resources.User(c), (c, w) =>
        {
            var page = users.ListPolicies(c.AccountId, c["UserName"], c["Marker"], MaxItems(c));
            w.StringList("PolicyNames", page.Items);
            IamXml.Paging(w, page);
        });
        yield return Op("DeleteUserPolicy", c => resources.User(c), (c, w) =>
            users.DeletePolicy(c.AccountId, c["UserName"], c["PolicyName"]));
        yield return Op("AttachUserPolicy", c => resources.User(c), (c, w) =>
            users.AttachPolicy(c.AccountId, c["UserName"], c["PolicyArn"]));
        yield return Op("DetachUserPolicy", c => resources.User(c), (c, w) =>
            users.DetachPolicy(c.AccountId, c["UserName"], c["PolicyArn"]));
        yield return Op("ListAttachedUserPolicies", c => resources.User(c), (c, w) =>
            IamXml.AttachedPolicies(w, users.ListAttachedPolicies(c.AccountId, c["UserName"], c["PathPrefix"], c["Marker"], MaxItems(c))));

        var keys = iam.AccessKeys;
        yield return Op("CreateAccessKey", c => resources.User(c), (c, w) =>
        {
            var key = keys.Create(c.AccountId, c.UserNameOrCaller);
            w.Object("AccessKey", k => k.Value("UserName", key.UserName).Value("AccessKeyId", key.AccessKeyId).Value("Status", key.Status)
                .Value("SecretAccessKey", key.SecretAccessKey).Value("CreateDate", key.CreateDate));
        });
        yield return Op("ListAccessKeys", c => resources.User(c), (c, w) =>
        {
            var owner = c.UserNameOrCaller;
            var page = keys.List(c.AccountId, owner, c["Marker"], MaxItems(c));
            w.List("AccessKeyMetadata", page.Items, IamXml.AccessKeyMetadata);
            IamXml.Paging(w, page);
            w.Value("UserName", owner);
        });
        yield return Op("UpdateAccessKey", c => resources.User(c), (c, w) =>
            keys.Update(c.AccountId, c.UserNameOrCaller, c["AccessKeyId"], c["Status"]));
        yield return Op("DeleteAccessKey", c => resources.User(c), (c, w) =>
            keys.Delete(c.AccountId, c.UserNameOrCaller, c["AccessKeyId"]));
        yield return Op("GetAccessKeyLastUsed", AwsOperation.Everything, (c, w) =>
        {
            var key = keys.GetLastUsed(c.AccountId, c["AccessKeyId"]);
            w.Value("UserName", key.UserName ?? "root");
            w.Object("AccessKeyLastUsed", u =>
            {
                if (key.LastUsed is { } used)
                {
                    u.Value("LastUsedDate", used.LastUsedDate).Value("ServiceName", used.ServiceName).Value("Region", used.Region);
                }
                else
                {
                    u.Value("ServiceName", "N/A").Value("Region", "N/A");
                }
            });
        });
    }
}
