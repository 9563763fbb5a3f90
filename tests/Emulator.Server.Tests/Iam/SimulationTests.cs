using System.Net;
using System.Xml.Linq;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Iam;

public sealed class SimulationTests : IClassFixture<SimulationTests.Factory>
{
    private const string Account = "111111111111";

    private const string Seed = """
        {"accounts":[{"id":"111111111111","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAA1","rootSecretAccessKey":"root",
          "policies":[{"PolicyName":"DenyDeletes","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Sid":"NoDeletes","Effect":"Deny","Action":"iam:Delete*","Resource":"*"}]}},
                      {"PolicyName":"Boundary","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:List*","Resource":"*"}]}}],
          "groups":[{"GroupName":"readers","Policies":[{"PolicyName":"list-users","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*"}]}}]}],
          "roles":[{"RoleName":"web","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]},
                    "Policies":[{"PolicyName":"describe","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}]}}]},
                   {"RoleName":"db","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}}],
          "users":[
            {"UserName":"reader","AccessKeys":[{"AccessKeyId":"AKIAREADER0000000001","SecretAccessKey":"reader-secret"}],
             "Policies":[{"PolicyName":"get-web","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"arn:aws:iam::111111111111:role/web"}]}}]},
            {"UserName":"admin","AccessKeys":[{"AccessKeyId":"AKIAADMIN00000000001","SecretAccessKey":"admin-secret"}],
             "AttachedPolicies":["arn:aws:iam::aws:policy/AdministratorAccess","arn:aws:iam::111111111111:policy/DenyDeletes"]},
            {"UserName":"bounded","PermissionsBoundary":"arn:aws:iam::111111111111:policy/Boundary","AccessKeys":[{"AccessKeyId":"AKIABOUNDED000000001","SecretAccessKey":"bounded-secret"}],
             "AttachedPolicies":["arn:aws:iam::aws:policy/AdministratorAccess"]},
            {"UserName":"grouped","Groups":["readers"]},
            {"UserName":"conditional","Groups":["readers"],
             "Policies":[{"PolicyName":"own-roles","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"arn:aws:iam::111111111111:role/${aws:username}-*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}}]}]}]}
        """;

    private const string PassRole = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}]}""";

    private const string RegionLimited = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}}]}""";

    private readonly Factory factory;
    private readonly IamTestClient root;

    public SimulationTests(Factory factory)
    {
        this.factory = factory;
        root = factory.Iam("AKIAAAAAAAAAAAAAAAA1", "root");
    }

    public sealed class Factory() : EmulatorFactory(Seed);

    [Fact]
    public async Task SimulatePrincipalPolicy_for_a_user_is_allowed_on_the_granted_role_and_implicitDeny_on_the_other()
    {
        var response = await root.Call("SimulatePrincipalPolicy",
            ("PolicySourceArn", UserArn("reader")), ("ActionNames.member.1", "iam:GetRole"),
            ("ResourceArns.member.1", RoleArn("web")), ("ResourceArns.member.2", RoleArn("db")));

        response.Status.Should().Be(HttpStatusCode.OK);
        var results = Results(response);
        results.Should().HaveCount(2);
        Text(results[0], "EvalActionName").Should().Be("iam:GetRole");
        Text(results[0], "EvalResourceName").Should().Be(RoleArn("web"));
        Text(results[0], "EvalDecision").Should().Be("allowed");
        var statement = MatchedStatements(results[0]).Single();
        Text(statement, "SourcePolicyId").Should().Be("get-web");
        Text(statement, "SourcePolicyType").Should().Be("IAM Policy");
        statement.Element(IamResponse.Iam + "StartPosition")!.Element(IamResponse.Iam + "Line")!.Value.Should().Be("1");
        Text(results[1], "EvalResourceName").Should().Be(RoleArn("db"));
        Text(results[1], "EvalDecision").Should().Be("implicitDeny");
        MatchedStatements(results[1]).Should().BeEmpty();
        results[1].Element(IamResponse.Iam + "MissingContextValues")!.HasElements.Should().BeFalse();
        results[1].Element(IamResponse.Iam + "PermissionsBoundaryDecisionDetail").Should().BeNull("the user has no boundary");
        response.Value("IsTruncated").Should().Be("false");
    }

    // AWS's recorded SimulatePrincipalPolicy answer for a named resource: "IAM Policy" as the type of a managed or
    // inline identity policy, an empty EvalDecisionDetails, AllowedByOrganizations, one ResourceSpecificResults entry.
    [Fact]
    public async Task A_named_resource_result_carries_OrganizationsDecisionDetail_an_empty_EvalDecisionDetails_and_ResourceSpecificResults()
    {
        var response = await root.Call("SimulatePrincipalPolicy",
            ("PolicySourceArn", UserArn("reader")), ("ActionNames.member.1", "iam:GetRole"), ("ActionNames.member.2", "iam:DeleteRole"),
            ("ResourceArns.member.1", RoleArn("web")));

        var results = Results(response);
        results.Should().HaveCount(2);
        foreach (var result in results)
        {
            Text(result.Element(IamResponse.Iam + "OrganizationsDecisionDetail")!, "AllowedByOrganizations").Should().Be("true");
            result.Element(IamResponse.Iam + "EvalDecisionDetails")!.HasElements.Should().BeFalse("within one account the map is present and empty");
            var specific = result.Element(IamResponse.Iam + "ResourceSpecificResults")!.Elements(IamResponse.Iam + "member").Single();
            Text(specific, "EvalResourceName").Should().Be(RoleArn("web"));
            Text(specific, "EvalResourceDecision").Should().Be(Text(result, "EvalDecision"));
            MatchedStatements(specific).Should().HaveCount(MatchedStatements(result).Count);
            specific.Element(IamResponse.Iam + "MissingContextValues").Should().NotBeNull();
        }

        Text(results[0], "EvalDecision").Should().Be("allowed");
        Text(MatchedStatements(results[0]).Single(), "SourcePolicyType").Should().Be("IAM Policy");
        Text(MatchedStatements(results[0].Element(IamResponse.Iam + "ResourceSpecificResults")!.Elements().Single()).Single(), "SourcePolicyId").Should().Be("get-web");
        Text(results[1], "EvalDecision").Should().Be("implicitDeny");
    }

    [Fact]
    public async Task A_result_for_all_resources_has_OrganizationsDecisionDetail_but_no_EvalDecisionDetails_or_ResourceSpecificResults()
    {
        var response = await root.Call("SimulatePrincipalPolicy", ("PolicySourceArn", UserArn("admin")), ("ActionNames.member.1", "iam:ListRoles"));

        var result = Results(response).Single();
        Text(result, "EvalResourceName").Should().Be("*");
        Text(result.Element(IamResponse.Iam + "OrganizationsDecisionDetail")!, "AllowedByOrganizations").Should().Be("true");
        result.Element(IamResponse.Iam + "EvalDecisionDetails").Should().BeNull("AWS does not return it when the simulation specifies all resources");
        result.Element(IamResponse.Iam + "ResourceSpecificResults").Should().BeNull();
    }

    [Fact]
    public async Task An_explicit_deny_in_a_managed_policy_is_explicitDeny_naming_that_policy_and_AdministratorAccess_allows_the_rest()
    {
        var response = await root.Call("SimulatePrincipalPolicy",
            ("PolicySourceArn", UserArn("admin")), ("ActionNames.member.1", "iam:DeleteRole"), ("ActionNames.member.2", "iam:ListRoles"));

        var results = Results(response);
        Text(results[0], "EvalDecision").Should().Be("explicitDeny");
        Text(results[0], "EvalResourceName").Should().Be("*", "ResourceArns defaults to *");
        var deny = MatchedStatements(results[0]).Single();
        Text(deny, "SourcePolicyId").Should().Be("DenyDeletes");
        Text(deny, "SourcePolicyType").Should().Be("IAM Policy");
        Text(results[1], "EvalDecision").Should().Be("allowed");
        var allow = MatchedStatements(results[1]).Single();
        Text(allow, "SourcePolicyId").Should().Be("AdministratorAccess");
        Text(allow, "SourcePolicyType").Should().Be("IAM Policy");
    }

    [Fact]
    public async Task A_permissions_boundary_caps_the_simulation_and_is_reported_in_PermissionsBoundaryDecisionDetail()
    {
        var response = await root.Call("SimulatePrincipalPolicy",
            ("PolicySourceArn", UserArn("bounded")), ("ActionNames.member.1", "iam:ListRoles"), ("ActionNames.member.2", "iam:GetRole"));

        var results = Results(response);
        Text(results[0], "EvalDecision").Should().Be("allowed");
        BoundaryAllows(results[0]).Should().Be("true");
        MatchedStatements(results[0]).Select(s => Text(s, "SourcePolicyId")).Should().BeEquivalentTo(["AdministratorAccess", "Boundary"]);
        Text(results[1], "EvalDecision").Should().Be("implicitDeny");
        BoundaryAllows(results[1]).Should().Be("false");
    }

    [Fact]
    public async Task A_boundary_given_with_the_request_replaces_the_entity_boundary()
    {
        const string getOnly = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"*"}]}""";

        var response = await root.Call("SimulatePrincipalPolicy",
            ("PolicySourceArn", UserArn("bounded")), ("ActionNames.member.1", "iam:ListRoles"), ("ActionNames.member.2", "iam:GetRole"),
            ("PermissionsBoundaryPolicyInputList.member.1", getOnly));

        var results = Results(response);
        Text(results[0], "EvalDecision").Should().Be("implicitDeny");
        Text(results[1], "EvalDecision").Should().Be("allowed");
        MatchedStatements(results[1]).Select(s => Text(s, "SourcePolicyId")).Should().Contain("PermissionsBoundaryPolicyInputList.1");
    }

    [Fact]
    public async Task An_explicit_deny_still_reports_whether_the_boundary_alone_allows()
    {
        const string denyAll = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}""";
        const string allowList = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:List*","Resource":"*"}]}""";

        var response = await root.Call("SimulateCustomPolicy", ("PolicyInputList.member.1", denyAll),
            ("PermissionsBoundaryPolicyInputList.member.1", allowList), ("ActionNames.member.1", "iam:ListUsers"));

        var result = Results(response).Single();
        Text(result, "EvalDecision").Should().Be("explicitDeny");
        Text(MatchedStatements(result).Single(), "SourcePolicyId").Should().Be("PolicyInputList.1");
        BoundaryAllows(result).Should().Be("true");
    }

    [Fact]
    public async Task Group_policies_count_for_members_and_a_group_can_be_the_PolicySourceArn()
    {
        var member = await root.Call("SimulatePrincipalPolicy", ("PolicySourceArn", UserArn("grouped")), ("ActionNames.member.1", "iam:ListUsers"));
        var group = await root.Call("SimulatePrincipalPolicy", ("PolicySourceArn", $"arn:aws:iam::{Account}:group/readers"), ("ActionNames.member.1", "iam:ListUsers"));

        var statement = MatchedStatements(Results(member).Single()).Single();
        Text(statement, "SourcePolicyId").Should().Be("list-users");
        Text(statement, "SourcePolicyType").Should().Be("IAM Policy");
        Text(Results(group).Single(), "EvalDecision").Should().Be("allowed");
    }

    [Fact]
    public async Task A_role_as_PolicySourceArn_simulates_its_policies_and_PolicyInputList_adds_to_them()
    {
        var response = await root.Call("SimulatePrincipalPolicy", ("PolicySourceArn", RoleArn("web")),
            ("ActionNames.member.1", "ec2:DescribeInstances"), ("ActionNames.member.2", "s3:GetObject"),
            ("PolicyInputList.member.1", Documents.S3Read));

        var results = Results(response);
        Text(MatchedStatements(results[0]).Single(), "SourcePolicyType").Should().Be("IAM Policy");
        Text(results[1], "EvalDecision").Should().Be("allowed");
        var added = MatchedStatements(results[1]).Single();
        Text(added, "SourcePolicyId").Should().Be("PolicyInputList.1");
        Text(added, "SourcePolicyType").Should().Be("none");
    }

    [Fact]
    public async Task A_condition_on_a_key_not_supplied_is_implicitDeny_with_the_key_in_MissingContextValues()
    {
        var response = await root.Call("SimulateCustomPolicy", ("PolicyInputList.member.1", RegionLimited), ("ActionNames.member.1", "ec2:RunInstances"));

        var result = Results(response).Single();
        Text(result, "EvalDecision").Should().Be("implicitDeny");
        result.Element(IamResponse.Iam + "MissingContextValues")!.Elements(IamResponse.Iam + "member").Select(e => e.Value)
            .Should().Equal("aws:RequestedRegion");
    }

    [Fact]
    public async Task The_same_condition_is_satisfied_by_a_ContextEntry()
    {
        var response = await root.Call("SimulateCustomPolicy", ("PolicyInputList.member.1", RegionLimited), ("ActionNames.member.1", "ec2:RunInstances"),
            ("ContextEntries.member.1.ContextKeyName", "aws:RequestedRegion"), ("ContextEntries.member.1.ContextKeyValues.member.1", "eu-west-1"),
            ("ContextEntries.member.1.ContextKeyType", "string"));

        var result = Results(response).Single();
        Text(result, "EvalDecision").Should().Be("allowed");
        result.Element(IamResponse.Iam + "MissingContextValues")!.HasElements.Should().BeFalse();
    }

    [Theory]
    [InlineData("ec2.amazonaws.com", "allowed")]
    [InlineData("lambda.amazonaws.com", "implicitDeny")]
    public async Task The_PassRole_policy_allows_passing_only_to_EC2(string service, string decision)
    {
        var response = await root.Call("SimulateCustomPolicy", ("PolicyInputList.member.1", PassRole), ("ActionNames.member.1", "iam:PassRole"),
            ("ResourceArns.member.1", RoleArn("web")),
            ("ContextEntries.member.1.ContextKeyName", "iam:PassedToService"), ("ContextEntries.member.1.ContextKeyValues.member.1", service),
            ("ContextEntries.member.1.ContextKeyType", "string"));

        Text(Results(response).Single(), "EvalDecision").Should().Be(decision);
    }

    [Theory]
    [InlineData("reader", "AKIAREADER0000000001", "reader-secret")]
    [InlineData("bounded", "AKIABOUNDED000000001", "bounded-secret")]
    [InlineData("admin", "AKIAADMIN00000000001", "admin-secret")]
    public async Task Simulation_answers_equal_enforcement(string user, string keyId, string secret)
    {
        var simulated = Results(await root.Call("SimulatePrincipalPolicy", ("PolicySourceArn", UserArn(user)),
            ("ActionNames.member.1", "iam:GetRole"), ("ActionNames.member.2", "iam:DeleteRole"),
            ("ResourceArns.member.1", RoleArn("web")), ("ResourceArns.member.2", RoleArn("db"))));

        var caller = factory.Iam(keyId, secret);
        var enforced = new List<string>();
        foreach (var role in new[] { "web", "db" })
        {
            var response = await caller.Call("GetRole", ("RoleName", role));
            enforced.Add(response.Status == HttpStatusCode.OK ? "allowed" : response.ErrorCode!);
        }

        var simulatedGetRole = simulated.Where(r => Text(r, "EvalActionName") == "iam:GetRole").ToList();
        simulatedGetRole.Select(r => Text(r, "EvalResourceName")).Should().Equal(RoleArn("web"), RoleArn("db"));
        simulatedGetRole.Select(r => Text(r, "EvalDecision") == "allowed" ? "allowed" : "AccessDenied").Should().Equal(enforced);
    }

    [Fact]
    public async Task Statement_positions_follow_the_AWS_CLI_example()
    {
        const string policy = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}""";

        var response = await root.Call("SimulateCustomPolicy", ("PolicyInputList.member.1", policy), ("ActionNames.member.1", "dynamodb:CreateBackup"),
            ("ContextEntries.member.1.ContextKeyName", "aws:CurrentTime"), ("ContextEntries.member.1.ContextKeyValues.member.1", "2019-04-25T11:00:00Z"),
            ("ContextEntries.member.1.ContextKeyType", "date"));

        var statement = MatchedStatements(Results(response).Single()).Single();
        Position(statement, "StartPosition").Should().Be((1, 38));
        Position(statement, "EndPosition").Should().Be((1, 167));
    }

    [Fact]
    public async Task Statements_of_a_pretty_printed_array_are_located_by_line()
    {
        const string policy = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": \"iam:ListUsers\", \"Resource\": \"*\"},\n    {\n      \"Effect\": \"Allow\",\n      \"Action\": \"iam:ListRoles\",\n      \"Resource\": \"*\"\n    }\n  ]\n}";

        var response = await root.Call("SimulateCustomPolicy", ("PolicyInputList.member.1", policy), ("ActionNames.member.1", "iam:ListRoles"));

        var statement = MatchedStatements(Results(response).Single()).Single();
        Position(statement, "StartPosition").Should().Be((4, 69));
        Position(statement, "EndPosition").Should().Be((9, 6));
    }

    [Fact]
    public async Task A_resource_policy_naming_the_caller_allows_without_an_identity_allow_and_details_each_policy_type()
    {
        var resourcePolicy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{UserArn("reader")}}"},"Action":"s3:GetObject","Resource":"*"}]}""";
        const string nothing = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*"}]}""";

        var response = await root.Call("SimulateCustomPolicy", ("PolicyInputList.member.1", nothing), ("ActionNames.member.1", "s3:GetObject"),
            ("ResourceArns.member.1", "arn:aws:s3:::bucket/key"), ("ResourcePolicy", resourcePolicy), ("CallerArn", UserArn("reader")));

        var result = Results(response).Single();
        Text(result, "EvalDecision").Should().Be("allowed");
        Text(MatchedStatements(result).Single(), "SourcePolicyType").Should().Be("resource");
        var details = result.Element(IamResponse.Iam + "EvalDecisionDetails")!.Elements(IamResponse.Iam + "entry")
            .ToDictionary(e => e.Element(IamResponse.Iam + "key")!.Value, e => e.Element(IamResponse.Iam + "value")!.Value);
        details.Should().Equal(new Dictionary<string, string> { ["IAM Policy"] = "implicitDeny", ["Resource Policy"] = "allowed" });
    }

    [Fact]
    public async Task A_malformed_policy_input_is_MalformedPolicyDocument_with_the_parser_message()
    {
        var syntax = await root.Call("SimulateCustomPolicy", ("PolicyInputList.member.1", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow" """), ("ActionNames.member.1", "iam:GetRole"));
        var noResource = await root.Call("SimulatePrincipalPolicy", ("PolicySourceArn", UserArn("reader")), ("ActionNames.member.1", "iam:GetRole"),
            ("PolicyInputList.member.1", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole"}]}"""));

        syntax.Status.Should().Be(HttpStatusCode.BadRequest);
        syntax.ErrorCode.Should().Be("MalformedPolicyDocument");
        syntax.ErrorMessage.Should().Be("This policy contains invalid Json", "the input is cut off mid-JSON");
        noResource.ErrorCode.Should().Be("MalformedPolicyDocument");
        noResource.ErrorMessage.Should().Be("Policy statement must contain resources.");
    }

    [Fact]
    public async Task Missing_ActionNames_and_PolicyInputList_are_ValidationErrors()
    {
        var custom = await root.Call("SimulateCustomPolicy");
        var principal = await root.Call("SimulatePrincipalPolicy", ("PolicySourceArn", UserArn("reader")));

        custom.ErrorCode.Should().Be("ValidationError");
        custom.ErrorMessage.Should().Be("2 validation errors detected: Value null at 'policyInputList' failed to satisfy constraint: Member must not be null; Value null at 'actionNames' failed to satisfy constraint: Member must not be null");
        principal.ErrorMessage.Should().Be("1 validation error detected: Value null at 'actionNames' failed to satisfy constraint: Member must not be null");
    }

    [Fact]
    public async Task An_unknown_PolicySourceArn_is_NoSuchEntity_and_a_non_entity_ARN_is_InvalidInput()
    {
        var unknownUser = await root.Call("SimulatePrincipalPolicy", ("PolicySourceArn", UserArn("ghost")), ("ActionNames.member.1", "iam:GetRole"));
        var unknownRole = await root.Call("GetContextKeysForPrincipalPolicy", ("PolicySourceArn", RoleArn("ghost")));
        var otherAccount = await root.Call("SimulatePrincipalPolicy", ("PolicySourceArn", "arn:aws:iam::999999999999:user/reader"), ("ActionNames.member.1", "iam:GetRole"));
        var notAnEntity = await root.Call("SimulatePrincipalPolicy", ("PolicySourceArn", $"arn:aws:iam::{Account}:policy/Boundary"), ("ActionNames.member.1", "iam:GetRole"));

        unknownUser.Status.Should().Be(HttpStatusCode.NotFound);
        unknownUser.ErrorCode.Should().Be("NoSuchEntity");
        unknownUser.ErrorMessage.Should().Be("The user with name ghost cannot be found.");
        unknownRole.ErrorMessage.Should().Be("The role with name ghost cannot be found.");
        otherAccount.ErrorMessage.Should().Be("The user with name reader cannot be found.");
        notAnEntity.ErrorCode.Should().Be("InvalidInput");
    }

    [Fact]
    public async Task Results_page_with_MaxItems_and_Marker()
    {
        var actions = new[] { "iam:GetRole", "iam:ListRoles", "iam:CreateRole", "iam:DeleteRole", "iam:TagRole" };
        (string, string)[] Parameters(params (string, string)[] extra) =>
            [("PolicySourceArn", UserArn("admin")), .. actions.Select((a, i) => ($"ActionNames.member.{i + 1}", a)), ("MaxItems", "2"), .. extra];

        var first = await root.Call("SimulatePrincipalPolicy", Parameters());
        var second = await root.Call("SimulatePrincipalPolicy", Parameters(("Marker", first.Value("Marker")!)));
        var third = await root.Call("SimulatePrincipalPolicy", Parameters(("Marker", second.Value("Marker")!)));

        first.Value("IsTruncated").Should().Be("true");
        second.Value("IsTruncated").Should().Be("true");
        third.Value("IsTruncated").Should().Be("false");
        third.Element("Marker").Should().BeNull();
        new[] { first, second, third }.SelectMany(r => Results(r).Select(e => Text(e, "EvalActionName"))).Should().Equal(actions);
    }

    [Fact]
    public async Task GetContextKeysForCustomPolicy_lists_condition_keys_and_variables_as_the_AWS_CLI_example_does()
    {
        const string policy = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"arn:aws:dynamodb:us-west-2:123456789012:table/${aws:username}","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2015-08-16T12:00:00Z"}}}}""";

        var response = await root.Call("GetContextKeysForCustomPolicy", ("PolicyInputList.member.1", policy), ("PolicyInputList.member.2", PassRole));

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Element("ContextKeyNames")!.Elements(IamResponse.Iam + "member").Select(e => e.Value)
            .Should().Equal("aws:username", "aws:CurrentTime", "iam:PassedToService");
    }

    [Fact]
    public async Task GetContextKeysForPrincipalPolicy_reads_the_user_and_group_policies_and_the_extra_ones()
    {
        var response = await root.Call("GetContextKeysForPrincipalPolicy", ("PolicySourceArn", UserArn("conditional")), ("PolicyInputList.member.1", RegionLimited));

        response.Element("ContextKeyNames")!.Elements(IamResponse.Iam + "member").Select(e => e.Value)
            .Should().Equal("aws:username", "aws:MultiFactorAuthPresent", "aws:RequestedRegion");
    }

    [Fact]
    public async Task A_principal_simulation_supplies_aws_username_but_no_other_key()
    {
        var response = await root.Call("SimulatePrincipalPolicy", ("PolicySourceArn", UserArn("conditional")), ("ActionNames.member.1", "iam:GetRole"),
            ("ResourceArns.member.1", RoleArn("conditional-app")));
        var withMfa = await root.Call("SimulatePrincipalPolicy", ("PolicySourceArn", UserArn("conditional")), ("ActionNames.member.1", "iam:GetRole"),
            ("ResourceArns.member.1", RoleArn("conditional-app")),
            ("ContextEntries.member.1.ContextKeyName", "aws:MultiFactorAuthPresent"), ("ContextEntries.member.1.ContextKeyValues.member.1", "true"),
            ("ContextEntries.member.1.ContextKeyType", "boolean"));

        var result = Results(response).Single();
        Text(result, "EvalDecision").Should().Be("implicitDeny");
        result.Element(IamResponse.Iam + "MissingContextValues")!.Elements(IamResponse.Iam + "member").Select(e => e.Value)
            .Should().Equal("aws:MultiFactorAuthPresent");
        Text(Results(withMfa).Single(), "EvalDecision").Should().Be("allowed");
    }

    [Fact]
    public async Task Simulation_calls_are_authorized_as_iam_actions_on_star()
    {
        var reader = factory.Iam("AKIAREADER0000000001", "reader-secret");

        var response = await reader.Call("SimulateCustomPolicy", ("PolicyInputList.member.1", PassRole), ("ActionNames.member.1", "iam:PassRole"));

        response.ErrorCode.Should().Be("AccessDenied");
        response.ErrorMessage.Should().Be($"User: {UserArn("reader")} is not authorized to perform: iam:SimulateCustomPolicy because no identity-based policy allows the iam:SimulateCustomPolicy action");
    }

    private static string UserArn(string name) => $"arn:aws:iam::{Account}:user/{name}";

    private static string RoleArn(string name) => $"arn:aws:iam::{Account}:role/{name}";

    private static List<XElement> Results(IamResponse response)
    {
        response.Status.Should().Be(HttpStatusCode.OK, response.Body);
        return response.Element("EvaluationResults")!.Elements(IamResponse.Iam + "member").ToList();
    }

    private static List<XElement> MatchedStatements(XElement result) =>
        result.Element(IamResponse.Iam + "MatchedStatements")!.Elements(IamResponse.Iam + "member").ToList();

    private static string? BoundaryAllows(XElement result) =>
        result.Element(IamResponse.Iam + "PermissionsBoundaryDecisionDetail")?.Element(IamResponse.Iam + "AllowedByPermissionsBoundary")?.Value;

    private static string? Text(XElement element, string name) => element.Element(IamResponse.Iam + name)?.Value;

    private static (int Line, int Column) Position(XElement statement, string name)
    {
        var position = statement.Element(IamResponse.Iam + name)!;
        return (int.Parse(Text(position, "Line")!, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Text(position, "Column")!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
