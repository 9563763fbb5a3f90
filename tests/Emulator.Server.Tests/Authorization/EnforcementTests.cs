using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Authorization;

public sealed class EnforcementTests : IClassFixture<EnforcementTests.Factory>
{
    public const string Seed = """
        {"accounts":[{"id":"111111111111","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAA1","rootSecretAccessKey":"root",
          "policies":[{"PolicyName":"DenyDeletes","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Sid":"NoDeletes","Effect":"Deny","Action":"iam:Delete*","Resource":"*"}]}},
                      {"PolicyName":"Boundary","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:List*","Resource":"*"}]}}],
          "groups":[{"GroupName":"readers","Policies":[{"PolicyName":"list-users","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*"}]}}]}],
          "roles":[{"RoleName":"web","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}},
                   {"RoleName":"db","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}}],
          "users":[
            {"UserName":"reader","AccessKeys":[{"AccessKeyId":"AKIAREADER0000000001","SecretAccessKey":"reader-secret"}],
             "Policies":[{"PolicyName":"get-web","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"arn:aws:iam::111111111111:role/web"}]}}]},
            {"UserName":"nobody","AccessKeys":[{"AccessKeyId":"AKIANOBODY0000000001","SecretAccessKey":"nobody-secret"}]},
            {"UserName":"admin","AccessKeys":[{"AccessKeyId":"AKIAADMIN00000000001","SecretAccessKey":"admin-secret"}],
             "AttachedPolicies":["arn:aws:iam::aws:policy/AdministratorAccess","arn:aws:iam::111111111111:policy/DenyDeletes"]},
            {"UserName":"grouped","Groups":["readers"],"AccessKeys":[{"AccessKeyId":"AKIAGROUPED000000001","SecretAccessKey":"grouped-secret"}]},
            {"UserName":"bounded","PermissionsBoundary":"arn:aws:iam::111111111111:policy/Boundary","AccessKeys":[{"AccessKeyId":"AKIABOUNDED000000001","SecretAccessKey":"bounded-secret"}],
             "AttachedPolicies":["arn:aws:iam::aws:policy/AdministratorAccess"]},
            {"UserName":"tagged","Tags":[{"Key":"team","Value":"web"}],"AccessKeys":[{"AccessKeyId":"AKIATAGGED0000000001","SecretAccessKey":"tagged-secret"}],
             "Policies":[{"PolicyName":"own-team","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"arn:aws:iam::111111111111:role/${aws:PrincipalTag/team}"}]}}]}]}]}
        """;

    private readonly Factory factory;

    public EnforcementTests(Factory factory) => this.factory = factory;

    public sealed class Factory() : EmulatorFactory(Seed);

    [Fact]
    public async Task A_user_allowed_only_GetRole_on_one_role_gets_it_and_is_denied_the_other_with_the_AWS_message()
    {
        var reader = factory.Iam("AKIAREADER0000000001", "reader-secret");

        var allowed = await reader.Call("GetRole", ("RoleName", "web"));
        var otherRole = await reader.Call("GetRole", ("RoleName", "db"));
        var list = await reader.Call("ListRoles");

        allowed.Status.Should().Be(HttpStatusCode.OK);
        allowed.Value("RoleName").Should().Be("web");
        otherRole.Status.Should().Be(HttpStatusCode.Forbidden);
        otherRole.ErrorCode.Should().Be("AccessDenied");
        otherRole.ErrorMessage.Should().Be("User: arn:aws:iam::111111111111:user/reader is not authorized to perform: iam:GetRole on resource: arn:aws:iam::111111111111:role/db because no identity-based policy allows the iam:GetRole action");
        list.ErrorMessage.Should().Be("User: arn:aws:iam::111111111111:user/reader is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::111111111111:role/ because no identity-based policy allows the iam:ListRoles action");
    }

    [Fact]
    public async Task A_user_with_no_policies_can_do_nothing()
    {
        var response = await factory.Iam("AKIANOBODY0000000001", "nobody-secret").Call("ListUsers");

        response.ErrorCode.Should().Be("AccessDenied");
    }

    [Fact]
    public async Task An_explicit_deny_in_a_managed_policy_wins_over_AdministratorAccess_and_is_named()
    {
        var admin = factory.Iam("AKIAADMIN00000000001", "admin-secret");

        var listed = await admin.Call("ListRoles");
        var delete = await admin.Call("DeleteRole", ("RoleName", "db"));

        listed.Status.Should().Be(HttpStatusCode.OK);
        delete.ErrorCode.Should().Be("AccessDenied");
        delete.ErrorMessage.Should().Be("User: arn:aws:iam::111111111111:user/admin is not authorized to perform: iam:DeleteRole on resource: arn:aws:iam::111111111111:role/db with an explicit deny in an identity-based policy: arn:aws:iam::111111111111:policy/DenyDeletes");
    }

    [Fact]
    public async Task Group_policies_apply_to_their_members()
    {
        var response = await factory.Iam("AKIAGROUPED000000001", "grouped-secret").Call("ListUsers");

        response.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_permissions_boundary_caps_AdministratorAccess()
    {
        var bounded = factory.Iam("AKIABOUNDED000000001", "bounded-secret");

        var list = await bounded.Call("ListRoles");
        var get = await bounded.Call("GetRole", ("RoleName", "web"));

        list.Status.Should().Be(HttpStatusCode.OK);
        get.ErrorMessage.Should().Be("User: arn:aws:iam::111111111111:user/bounded is not authorized to perform: iam:GetRole on resource: arn:aws:iam::111111111111:role/web because no permissions boundary allows the iam:GetRole action");
    }

    [Fact]
    public async Task Policy_variables_resolve_from_principal_tags()
    {
        var tagged = factory.Iam("AKIATAGGED0000000001", "tagged-secret");

        (await tagged.Call("GetRole", ("RoleName", "web"))).Status.Should().Be(HttpStatusCode.OK);
        (await tagged.Call("GetRole", ("RoleName", "db"))).ErrorCode.Should().Be("AccessDenied");
    }

    [Fact]
    public async Task The_decision_log_explains_denials_and_allows_and_filters_by_principal_and_decision()
    {
        var reader = factory.Iam("AKIAREADER0000000001", "reader-secret");
        await reader.Call("GetRole", ("RoleName", "web"));
        await reader.Call("GetRole", ("RoleName", "db"));

        var http = factory.CreateClient();
        var denials = await http.GetFromJsonAsync<JsonElement>("/_emulator/decisions?principal=user/reader&decision=deny&action=iam:GetRole");
        var allows = await http.GetFromJsonAsync<JsonElement>("/_emulator/decisions?principal=user/reader&decision=Allow");

        var denial = denials.EnumerateArray().First();
        denial.GetProperty("resource").GetString().Should().Be("arn:aws:iam::111111111111:role/db");
        denial.GetProperty("decision").GetString().Should().Be("ImplicitDeny");
        denial.GetProperty("message").GetString().Should().Contain("because no identity-based policy allows the iam:GetRole action");
        denial.GetProperty("contextKeys").EnumerateArray().Select(k => k.GetString()).Should().Contain("aws:username");
        var allow = allows.EnumerateArray().First();
        allow.GetProperty("matchedStatements").EnumerateArray().Single().GetString().Should().Contain("get-web");
    }

    [Fact]
    public async Task The_model_endpoint_publishes_actions_operators_and_condition_keys()
    {
        var model = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/_emulator/model");

        model.GetProperty("actions").GetProperty("iam").EnumerateArray().Select(a => a.GetString()).Should().Contain(["iam:CreateRole", "iam:GetRole"]);
        model.GetProperty("conditionOperators").EnumerateArray().Select(a => a.GetString()).Should().Contain(["StringLike", "StringLikeIfExists", "Null"]);
        model.GetProperty("conditionKeys").EnumerateArray().Select(a => a.GetString()).Should().Contain("aws:PrincipalTag/*");
    }
}
