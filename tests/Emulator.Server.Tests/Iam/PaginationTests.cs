using System.Net;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Iam;

/// <summary>
/// MaxItems and Marker on the calls whose service model pages them but that once answered everything at once:
/// ListEntitiesForPolicy (MaxItems counted across its lists) and ListOpenIDConnectProviderTags
/// (GetAccountAuthorizationDetails: <see cref="AuthorizationDetailsPagingTests"/>). IsTruncated is always there; Marker only when another page follows.
/// </summary>
public sealed class PaginationTests : IClassFixture<DefaultEmulator>
{
    private readonly IamTestClient iam;

    public PaginationTests(DefaultEmulator factory) => iam = factory.Iam();

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    [Fact]
    public async Task ListPolicies_Scope_AWS_pages_over_AWSs_whole_catalogue()
    {
        var names = new List<string>();
        string? marker = null;
        var pages = 0;
        do
        {
            var page = await iam.Call("ListPolicies", [("Scope", "AWS"), ("MaxItems", "1000"), .. marker is null ? Array.Empty<(string, string)>() : [("Marker", marker)]]);
            page.Status.Should().Be(HttpStatusCode.OK);
            names.AddRange(page.All("PolicyName").Select(e => e.Value));
            marker = page.Value("IsTruncated") == "true" ? page.Value("Marker") : null;
            pages++;
        }
        while (marker is not null);
        var serviceRoles = await iam.Call("ListPolicies", ("Scope", "AWS"), ("PathPrefix", "/service-role/"), ("MaxItems", "1000"));

        pages.Should().Be(2);
        names.Should().HaveCount(Core.Iam.Policies.AwsManagedPolicies.Create().InPartition("aws").Count()).And.OnlyHaveUniqueItems()
            .And.Contain(["AdministratorAccess", "ReadOnlyAccess", "AmazonSSMManagedInstanceCore", "AWSSupportServiceRolePolicy"]);
        names.Count.Should().BeGreaterThan(1500);
        serviceRoles.All("Path").Select(e => e.Value).Should().NotBeEmpty().And.OnlyContain(path => path == "/service-role/");
        serviceRoles.All("PolicyName").Select(e => e.Value).Should().Contain("AmazonEC2RoleforSSM");
    }

    [Fact]
    public async Task ListEntitiesForPolicy_pages_groups_users_and_roles_by_MaxItems()
    {
        var policyArn = (await iam.Call("CreatePolicy", ("PolicyName", Unique("pg")), ("PolicyDocument", Documents.S3Read))).Value("Arn")!;
        var group = Unique("g");
        var users = new[] { Unique("u1"), Unique("u2") }.Order(StringComparer.OrdinalIgnoreCase).ToArray();
        var role = Unique("r");
        await iam.Call("CreateGroup", ("GroupName", group));
        await iam.Call("AttachGroupPolicy", ("GroupName", group), ("PolicyArn", policyArn));
        foreach (var user in users)
        {
            await iam.Call("CreateUser", ("UserName", user));
            await iam.Call("AttachUserPolicy", ("UserName", user), ("PolicyArn", policyArn));
        }

        await iam.Call("CreateRole", ("RoleName", role), ("AssumeRolePolicyDocument", Documents.Ec2Trust));
        await iam.Call("AttachRolePolicy", ("RoleName", role), ("PolicyArn", policyArn));

        var first = await iam.Call("ListEntitiesForPolicy", ("PolicyArn", policyArn), ("MaxItems", "3"));
        var second = await iam.Call("ListEntitiesForPolicy", ("PolicyArn", policyArn), ("MaxItems", "3"), ("Marker", first.Value("Marker")!));
        var badMarker = await iam.Call("ListEntitiesForPolicy", ("PolicyArn", policyArn), ("Marker", "not-a-marker-this-server-issued"));

        first.All("GroupName").Select(e => e.Value).Should().Equal(group);
        first.All("UserName").Select(e => e.Value).Should().Equal(users);
        first.All("RoleName").Should().BeEmpty();
        first.Value("IsTruncated").Should().Be("true");
        second.All("RoleName").Select(e => e.Value).Should().Equal(role);
        second.All("UserName").Should().BeEmpty();
        second.Value("IsTruncated").Should().Be("false");
        second.Element("Marker").Should().BeNull();
        badMarker.Status.Should().Be(HttpStatusCode.BadRequest);
        badMarker.ErrorCode.Should().Be("ValidationError");
        badMarker.ErrorMessage.Should().Be("Invalid Marker.");
    }

    [Fact]
    public async Task ListOpenIDConnectProviderTags_pages_by_MaxItems()
    {
        var arn = (await iam.Call("CreateOpenIDConnectProvider", ("Url", $"https://{Unique("idp")}.example.com"), ("ThumbprintList.member.1", new string('a', 40)),
            ("Tags.member.1.Key", "a"), ("Tags.member.1.Value", "1"), ("Tags.member.2.Key", "b"), ("Tags.member.2.Value", "2"),
            ("Tags.member.3.Key", "c"), ("Tags.member.3.Value", "3"))).Value("OpenIDConnectProviderArn")!;

        var first = await iam.Call("ListOpenIDConnectProviderTags", ("OpenIDConnectProviderArn", arn), ("MaxItems", "2"));
        var second = await iam.Call("ListOpenIDConnectProviderTags", ("OpenIDConnectProviderArn", arn), ("MaxItems", "2"), ("Marker", first.Value("Marker")!));

        first.All("Key").Select(e => e.Value).Should().Equal("a", "b");
        first.Value("IsTruncated").Should().Be("true");
        second.All("Key").Select(e => e.Value).Should().Equal("c");
        second.Value("IsTruncated").Should().Be("false");
        second.Element("Marker").Should().BeNull();
    }
}
