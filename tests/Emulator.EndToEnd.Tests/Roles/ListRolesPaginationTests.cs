using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Roles;

/// <summary>ListRoles over 250 roles: AWS's Marker/IsTruncated pagination as the CLI and boto3's paginator drive it.</summary>
[Collection(Boto3WorkflowCollection.Name)]
public sealed class ListRolesPaginationTests(DefaultEmulator emulator)
{
    private const int RoleCount = 250;

    [Fact]
    public async Task Listing_250_roles_in_pages_of_100_returns_each_role_once_in_pages_of_100_100_and_50()
    {
        var expected = Enumerable.Range(0, RoleCount).Select(i => $"bulk-{i:D3}").ToHashSet();
        var boto = (await emulator.Boto3().RunAsync("""
            trust = arg("TRUST")
            for i in range(int(arg("COUNT"))):
                iam.create_role(RoleName="bulk-%03d" % i, Path="/bulk/", AssumeRolePolicyDocument=trust)
            pages = []
            for page in iam.get_paginator("list_roles").paginate(PathPrefix="/bulk/", PaginationConfig={"PageSize": 100}):
                pages.append({"count": len(page["Roles"]), "names": [r["RoleName"] for r in page["Roles"]],
                              "IsTruncated": page["IsTruncated"], "Marker": page.get("Marker")})
            emit({"pages": pages, "badMarker": error_of(iam.list_roles, Marker="not-a-marker-this-server-issued")})
            """, new Dictionary<string, string> { ["TRUST"] = PolicyDocuments.Ec2TrustPolicy, ["COUNT"] = RoleCount.ToString() }))
            .ShouldSucceed().Json;

        var pages = boto.Items("pages");
        pages.Select(p => p.At("count").GetInt32()).Should().Equal(100, 100, 50);
        pages.Select(p => p.At("IsTruncated").GetBoolean()).Should().Equal(true, true, false);
        pages[0].Text("Marker").Should().NotBeNullOrEmpty().And.NotBe(pages[1].Text("Marker"));
        pages[1].Text("Marker").Should().NotBeNullOrEmpty();
        pages[2].At("Marker").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null, "the last page has no Marker");
        pages.SelectMany(p => p.Items("names").Select(n => n.GetString()!)).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(expected);
        boto.Text("badMarker", "Code").Should().Be("ValidationError");
        boto.Text("badMarker", "Message").Should().Be("Invalid Marker.");

        var aws = emulator.Cli();
        var all = (await aws.RunAsync("iam", "list-roles", "--path-prefix", "/bulk/", "--page-size", "100")).ShouldSucceed().Json;
        var roles = all.Items("Roles");
        roles.Select(r => r.Text("RoleName")).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(expected);
        roles.Should().OnlyContain(r => r.Text("Path") == "/bulk/" && r.Text("Arn") == $"arn:aws:iam::123456789012:role/bulk/{r.Text("RoleName")}");
        roles.Should().OnlyContain(r => !r.Has("RoleLastUsed") && !r.Has("Tags"), "ListRoles returns trimmed roles");
        all.Has("NextToken").Should().BeFalse();

        var first = (await aws.RunAsync("iam", "list-roles", "--max-items", "10")).ShouldSucceed().Json;
        first.Items("Roles").Should().HaveCount(10);
        var token = first.Text("NextToken");
        token.Should().NotBeNullOrEmpty();

        var next = (await aws.RunAsync("iam", "list-roles", "--max-items", "10", "--starting-token", token)).ShouldSucceed().Json;
        next.Items("Roles").Should().HaveCount(10);
        next.Items("Roles").Select(r => r.Text("RoleName")).Should().NotIntersectWith(first.Items("Roles").Select(r => r.Text("RoleName")));
    }
}
