using System.Net;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Iam;

/// <summary>A server started with --quota enforces and reports the configured values over the wire.</summary>
public sealed class QuotaTests : IDisposable
{
    private readonly EmulatorFactory factory = new(settings: new Dictionary<string, string> { ["quota"] = "RolesPerAccount=3,PoliciesPerRole=20" });
    private readonly IamTestClient iam;

    public QuotaTests() => iam = factory.Iam();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task The_fourth_CreateRole_under_RolesPerAccount_3_is_LimitExceeded_naming_3()
    {
        for (var i = 0; i < 3; i++)
        {
            (await CreateRole($"role-{i}")).Status.Should().Be(HttpStatusCode.OK);
        }

        var fourth = await CreateRole("role-3");
        var roles = await iam.Call("ListRoles");

        fourth.Status.Should().Be(HttpStatusCode.Conflict);
        fourth.ErrorCode.Should().Be("LimitExceeded");
        fourth.ErrorMessage.Should().Be("Cannot exceed quota for RolesPerAccount: 3");
        roles.All("RoleName").Select(e => e.Value).Should().Equal("role-0", "role-1", "role-2");
    }

    [Fact]
    public async Task PoliciesPerRole_20_allows_twenty_attached_policies_and_refuses_the_twenty_first()
    {
        (await CreateRole("busy")).Status.Should().Be(HttpStatusCode.OK);
        var arns = new List<string>();
        for (var i = 0; i < 21; i++)
        {
            var created = await iam.Call("CreatePolicy", ("PolicyName", $"p{i}"), ("PolicyDocument", Documents.S3Read));
            arns.Add(created.Value("Arn")!);
        }

        var attached = new List<HttpStatusCode>();
        foreach (var arn in arns.Take(20))
        {
            attached.Add((await iam.Call("AttachRolePolicy", ("RoleName", "busy"), ("PolicyArn", arn))).Status);
        }

        var twentyFirst = await iam.Call("AttachRolePolicy", ("RoleName", "busy"), ("PolicyArn", arns[20]));
        var listed = await iam.Call("ListAttachedRolePolicies", ("RoleName", "busy"), ("MaxItems", "100"));

        attached.Should().AllSatisfy(status => status.Should().Be(HttpStatusCode.OK)).And.HaveCount(20);
        twentyFirst.Status.Should().Be(HttpStatusCode.Conflict);
        twentyFirst.ErrorCode.Should().Be("LimitExceeded");
        twentyFirst.ErrorMessage.Should().Be("Cannot exceed quota for PoliciesPerRole: 20");
        listed.All("PolicyArn").Select(e => e.Value).Should().BeEquivalentTo(arns.Take(20));
    }

    [Fact]
    public async Task GetAccountSummary_reports_the_configured_quotas_and_the_defaults_of_the_others()
    {
        var summary = await iam.Call("GetAccountSummary");

        summary.Status.Should().Be(HttpStatusCode.OK);
        Value(summary, "RolesQuota").Should().Be("3");
        Value(summary, "AttachedPoliciesPerRoleQuota").Should().Be("20");
        Value(summary, "AttachedPoliciesPerUserQuota").Should().Be("10");
        Value(summary, "UsersQuota").Should().Be("5000");
    }

    private Task<IamResponse> CreateRole(string name) =>
        iam.Call("CreateRole", ("RoleName", name), ("AssumeRolePolicyDocument", Documents.Ec2Trust));

    private static string? Value(IamResponse summary, string key) =>
        summary.All("entry").FirstOrDefault(e => e.Elements().First(x => x.Name.LocalName == "key").Value == key)
            ?.Elements().First(x => x.Name.LocalName == "value").Value;
}
