using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Iam;

/// <summary>
/// GetAccountAuthorizationDetails pages by MaxItems counted across its lists (users, then groups, roles and
/// policies), on an emulator of its own so that no other test's entities fall on its pages.
/// </summary>
public sealed class AuthorizationDetailsPagingTests : IClassFixture<DefaultEmulator>
{
    private readonly IamTestClient iam;

    public AuthorizationDetailsPagingTests(DefaultEmulator factory) => iam = factory.Iam();

    [Fact]
    public async Task GetAccountAuthorizationDetails_pages_users_groups_and_roles_by_MaxItems_across_the_lists()
    {
        await iam.Call("CreateUser", ("UserName", "pg-user-a"));
        await iam.Call("CreateUser", ("UserName", "pg-user-b"));
        await iam.Call("CreateGroup", ("GroupName", "pg-group"));
        await iam.Call("CreateRole", ("RoleName", "pg-role-a"), ("AssumeRolePolicyDocument", Documents.Ec2Trust));
        await iam.Call("CreateRole", ("RoleName", "pg-role-b"), ("AssumeRolePolicyDocument", Documents.Ec2Trust));
        (string, string)[] filter = [("Filter.member.1", "User"), ("Filter.member.2", "Group"), ("Filter.member.3", "Role"), ("MaxItems", "2")];

        var first = await iam.Call("GetAccountAuthorizationDetails", filter);
        var second = await iam.Call("GetAccountAuthorizationDetails", [.. filter, ("Marker", first.Value("Marker")!)]);
        var third = await iam.Call("GetAccountAuthorizationDetails", [.. filter, ("Marker", second.Value("Marker")!)]);

        Names(first).Should().Equal("pg-user-a", "pg-user-b");
        Names(second).Should().Equal("pg-group", "pg-role-a");
        Names(third).Should().Equal("pg-role-b");
        new[] { first, second, third }.Select(p => p.Value("IsTruncated")).Should().Equal("true", "true", "false");
        third.Element("Marker").Should().BeNull("the last page has no Marker");
        first.Element("UserDetailList")!.Should().NotBeNull();
        first.Element("RoleDetailList")!.HasElements.Should().BeFalse("the lists off this page are empty, not missing");
    }

    private static IEnumerable<string> Names(IamResponse page) =>
        page.All("UserName").Concat(page.All("GroupName")).Concat(page.All("RoleName"))
            .Where(e => e.Parent!.Name.LocalName == "member").Select(e => e.Value);
}
