using Emulator.Core.Iam.AccessKeys;
using Emulator.Core.Iam.Groups;
using Emulator.Core.Iam.InstanceProfiles;
using Emulator.Core.Iam.Paging;
using Emulator.Core.Iam.Policies;
using Emulator.Core.Iam.Roles;
using Emulator.Core.Iam.Tags;
using Emulator.Core.Iam.Users;
using Emulator.Server.Protocol;

namespace Emulator.Server.Iam;

/// <summary>IAM's XML shapes for its entities. Which members appear depends on the call (see <see cref="RoleShape"/>).</summary>
public static class IamXml
{
    public const string Namespace = "https://iam.amazonaws.com/doc/2010-05-08/";

    /// <summary>Roles as GetRole shows them (RoleLastUsed included: a use replaces the record), encoded once per role record.</summary>
    public static EncodedFragmentCache<Role> FullRoles { get; } = new((w, role) => Role(w, role, RoleShape.Full));

    /// <summary>Roles as ListRoles shows them, encoded once per role record.</summary>
    public static EncodedFragmentCache<Role> ListedRoles { get; } = new((w, role) => Role(w, role, RoleShape.Listed));

    /// <summary>Users as ListUsers and GetGroup show them, encoded once per user record.</summary>
    public static EncodedFragmentCache<User> ListedUsers { get; } = new((w, user) => User(w, user, full: false));

    public static void Role(QueryXmlWriter w, Role role, RoleShape shape)
    {
        w.Value("Path", role.Path).Value("RoleName", role.RoleName).Value("RoleId", role.RoleId).Value("Arn", role.Arn)
            .Value("CreateDate", role.CreateDate).PolicyDocument("AssumeRolePolicyDocument", role.AssumeRolePolicy.Text)
            .Value("Description", role.Description);
        if (shape == RoleShape.InProfile)
        {
            return;
        }

        if (shape != RoleShape.Created)
        {
            w.Value("MaxSessionDuration", role.MaxSessionDuration);
        }

        if (shape == RoleShape.Listed)
        {
            return;
        }

        Boundary(w, role.PermissionsBoundaryArn);
        Tags(w, role.Tags, omitWhenEmpty: true);
        if (shape == RoleShape.Full)
        {
            if (role.LastUsed is { } used)
            {
                w.Object("RoleLastUsed", u => u.Value("LastUsedDate", used.LastUsedDate).Value("Region", used.Region));
            }
            else
            {
                w.Empty("RoleLastUsed");
            }
        }
    }

    /// <param name="passwordLastUsed">GetUser's PasswordLastUsed: when the user last used their console password, if ever.</param>
    public static void User(QueryXmlWriter w, User user, bool full, DateTimeOffset? passwordLastUsed = null)
    {
        w.Value("Path", user.Path).Value("UserName", user.UserName).Value("UserId", user.UserId).Value("Arn", user.Arn)
            .Value("CreateDate", user.CreateDate).Value("PasswordLastUsed", passwordLastUsed);
        if (full)
        {
            Boundary(w, user.PermissionsBoundaryArn);
            Tags(w, user.Tags, omitWhenEmpty: true);
        }
    }

    public static void Group(QueryXmlWriter w, Group group) =>
        w.Value("Path", group.Path).Value("GroupName", group.GroupName).Value("GroupId", group.GroupId).Value("Arn", group.Arn)
            .Value("CreateDate", group.CreateDate);

    /// <param name="withTags">False for ListInstanceProfiles, which "does not return tags" (its API reference).</param>
    public static void InstanceProfile(QueryXmlWriter w, InstanceProfile profile, Role? role, bool withTags = true)
    {
        w.Value("Path", profile.Path).Value("InstanceProfileName", profile.InstanceProfileName)
            .Value("InstanceProfileId", profile.InstanceProfileId).Value("Arn", profile.Arn).Value("CreateDate", profile.CreateDate)
            .List("Roles", role is null ? [] : new[] { role }, (r, item) => Role(r, item, RoleShape.InProfile));
        if (withTags)
        {
            Tags(w, profile.Tags, omitWhenEmpty: true);
        }
    }

    public static void Policy(QueryXmlWriter w, ManagedPolicy policy, PolicyUsage usage, PolicyShape shape)
    {
        w.Value("PolicyName", policy.PolicyName).Value("PolicyId", policy.PolicyId).Value("Arn", policy.Arn).Value("Path", policy.Path)
            .Value("DefaultVersionId", policy.DefaultVersionId).Value("AttachmentCount", usage.Attachments)
            .Value("PermissionsBoundaryUsageCount", usage.Boundaries).Value("IsAttachable", true);
        if (shape == PolicyShape.Full)
        {
            w.Value("Description", policy.Description);
        }

        w.Value("CreateDate", policy.CreateDate).Value("UpdateDate", policy.UpdateDate);
        if (shape != PolicyShape.Listed)
        {
            Tags(w, policy.Tags, omitWhenEmpty: shape == PolicyShape.Created);
        }
    }

    public static void PolicyVersion(QueryXmlWriter w, ManagedPolicy policy, PolicyVersion version, bool withDocument)
    {
        if (withDocument)
        {
            w.PolicyDocument("Document", version.Document.Text);
        }

        w.Value("VersionId", version.VersionId).Value("IsDefaultVersion", version.VersionId == policy.DefaultVersionId)
            .Value("CreateDate", version.CreateDate);
    }

    public static void AttachedPolicies(QueryXmlWriter w, Page<ManagedPolicy> page)
    {
        w.List("AttachedPolicies", page.Items, (p, policy) => p.Value("PolicyName", policy.PolicyName).Value("PolicyArn", policy.Arn));
        Paging(w, page);
    }

    public static void AccessKeyMetadata(QueryXmlWriter w, AccessKey key) =>
        w.Value("UserName", key.UserName).Value("AccessKeyId", key.AccessKeyId).Value("Status", key.Status).Value("CreateDate", key.CreateDate);

    public static void Tags(QueryXmlWriter w, IReadOnlyList<Tag> tags, bool omitWhenEmpty = false)
    {
        if (omitWhenEmpty && tags.Count == 0)
        {
            return;
        }

        w.List("Tags", tags, (t, tag) => t.Value("Key", tag.Key).Value("Value", tag.Value));
    }

    /// <summary>IsTruncated always; Marker only when there is a next page.</summary>
    public static void Paging<T>(QueryXmlWriter w, Page<T> page) =>
        w.Value("IsTruncated", page.IsTruncated).Value("Marker", page.Marker);

    private static void Boundary(QueryXmlWriter w, string? arn)
    {
        if (arn is not null)
        {
            w.Object("PermissionsBoundary", b => b.Value("PermissionsBoundaryType", "PermissionsBoundaryPolicy").Value("PermissionsBoundaryArn", arn));
        }
    }
}
