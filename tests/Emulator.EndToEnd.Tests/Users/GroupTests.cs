using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Users;

/// <summary>Groups through boto3: membership both ways, and a group with members cannot be deleted.</summary>
[Collection(Boto3WorkflowCollection.Name)]
public sealed class GroupTests(DefaultEmulator emulator)
{
    [Fact]
    public async Task A_user_added_to_a_group_is_listed_both_ways_and_blocks_deleting_the_group_until_removed()
    {
        var (user, group) = (UniqueName.For("member"), UniqueName.For("team"));
        var result = (await emulator.Boto3().RunAsync("""
            user, group = arg("USER"), arg("GROUP")
            iam.create_user(UserName=user)
            created = iam.create_group(GroupName=group, Path="/teams/")["Group"]
            iam.add_user_to_group(GroupName=group, UserName=user)
            groups_for_user = [g["GroupName"] for g in iam.list_groups_for_user(UserName=user)["Groups"]]
            members = [u["UserName"] for u in iam.get_group(GroupName=group)["Users"]]
            delete_with_member = error_of(iam.delete_group, GroupName=group)
            iam.remove_user_from_group(GroupName=group, UserName=user)
            after_remove = [g["GroupName"] for g in iam.list_groups_for_user(UserName=user)["Groups"]]
            iam.delete_group(GroupName=group)
            emit({
                "group": created,
                "groupsForUser": groups_for_user,
                "members": members,
                "deleteWithMember": delete_with_member,
                "afterRemove": after_remove,
                "afterDelete": error_of(iam.get_group, GroupName=group),
            })
            """, new Dictionary<string, string> { ["USER"] = user, ["GROUP"] = group })).ShouldSucceed().Json;

        result.Text("group", "Arn").Should().Be($"arn:aws:iam::123456789012:group/teams/{group}");
        result.Text("group", "GroupId").Should().MatchRegex("^AGPA[A-Z2-7]{17}$");
        result.Items("groupsForUser").Select(g => g.GetString()).Should().Equal(group);
        result.Items("members").Select(u => u.GetString()).Should().Equal(user);
        result.Text("deleteWithMember", "Code").Should().Be("DeleteConflict");
        result.Text("deleteWithMember", "Message").Should().Be("Cannot delete entity, must remove users from group first.");
        result.Items("afterRemove").Should().BeEmpty();
        result.Text("afterDelete", "Code").Should().Be("NoSuchEntity");
        result.Text("afterDelete", "Message").Should().Be($"The group with name {group} cannot be found.");
    }
}
