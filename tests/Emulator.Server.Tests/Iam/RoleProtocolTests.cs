using System.Net;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Iam;

public sealed class RoleProtocolTests : IClassFixture<DefaultEmulator>
{
    private readonly IamTestClient iam;

    public RoleProtocolTests(DefaultEmulator factory) => iam = factory.Iam();

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    [Fact]
    public async Task CreateRole_returns_the_role_with_its_trust_policy_percent_encoded_and_no_MaxSessionDuration()
    {
        var name = Unique("web");

        var response = await iam.Call("CreateRole", ("RoleName", name), ("Path", "/app/"), ("AssumeRolePolicyDocument", Documents.PrettyEc2Trust));

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Xml.Root!.Name.Should().Be(IamResponse.Iam + "CreateRoleResponse");
        response.Value("RoleName").Should().Be(name);
        response.Value("Path").Should().Be("/app/");
        response.Value("Arn").Should().Be($"arn:aws:iam::123456789012:role/app/{name}");
        response.Value("RoleId").Should().MatchRegex("^AROA[A-Z2-7]{17}$");
        response.Value("CreateDate").Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
        var encoded = response.Value("AssumeRolePolicyDocument")!;
        encoded.Should().Contain("%20").And.NotContain("+").And.StartWith("%7B");
        Uri.UnescapeDataString(encoded).Should().Be(Documents.PrettyEc2Trust);
        response.Element("MaxSessionDuration").Should().BeNull();
        response.Element("RoleLastUsed").Should().BeNull();
        response.Value("RequestId").Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task GetRole_has_MaxSessionDuration_and_an_empty_RoleLastUsed()
    {
        var name = Unique("get");
        await iam.Call("CreateRole", ("RoleName", name), ("AssumeRolePolicyDocument", Documents.Ec2Trust), ("MaxSessionDuration", "7200"),
            ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "blue"));

        var response = await iam.Call("GetRole", ("RoleName", name.ToUpperInvariant()));

        response.Value("RoleName").Should().Be(name, "names are looked up case-insensitively and returned as stored");
        response.Value("MaxSessionDuration").Should().Be("7200");
        response.Element("RoleLastUsed").Should().NotBeNull();
        response.Element("RoleLastUsed")!.HasElements.Should().BeFalse();
        response.Value("Key").Should().Be("team");
    }

    [Fact]
    public async Task ListRoles_shows_a_role_as_it_is_now_after_every_update()
    {
        var name = $"listed-{Guid.NewGuid():N}"[..20];
        await iam.Call("CreateRole", ("RoleName", name), ("Path", "/listed/"), ("AssumeRolePolicyDocument", Documents.Ec2Trust), ("Description", "first"));
        var first = await iam.Call("ListRoles", ("PathPrefix", "/listed/"));
        await iam.Call("UpdateRole", ("RoleName", name), ("Description", "second"), ("MaxSessionDuration", "7200"));
        var second = await iam.Call("ListRoles", ("PathPrefix", "/listed/"));

        first.Value("Description").Should().Be("first");
        first.Value("MaxSessionDuration").Should().Be("3600");
        second.Value("Description").Should().Be("second");
        second.Value("MaxSessionDuration").Should().Be("7200");
        second.Value("RoleName").Should().Be(name);
    }

    [Fact]
    public async Task UpdateRole_answers_an_empty_UpdateRoleResult_before_ResponseMetadata()
    {
        var name = Unique("upd");
        await iam.Call("CreateRole", ("RoleName", name), ("AssumeRolePolicyDocument", Documents.Ec2Trust));

        var response = await iam.Call("UpdateRole", ("RoleName", name), ("Description", "changed"));

        response.Status.Should().Be(HttpStatusCode.OK);
        var children = response.Xml.Root!.Elements().ToList();
        children.Select(e => e.Name).Should().Equal(IamResponse.Iam + "UpdateRoleResult", IamResponse.Iam + "ResponseMetadata");
        children[0].IsEmpty.Should().BeTrue("AWS answers <UpdateRoleResult/> with no members");
    }

    [Fact]
    public async Task Creating_a_role_twice_is_EntityAlreadyExists_with_409()
    {
        var name = Unique("dup");
        await iam.Call("CreateRole", ("RoleName", name), ("AssumeRolePolicyDocument", Documents.Ec2Trust));

        var response = await iam.Call("CreateRole", ("RoleName", name.ToUpperInvariant()), ("AssumeRolePolicyDocument", Documents.Ec2Trust));

        response.Status.Should().Be(HttpStatusCode.Conflict);
        response.ErrorCode.Should().Be("EntityAlreadyExists");
        response.ErrorMessage.Should().Be($"Role with name {name.ToUpperInvariant()} already exists.");
    }

    [Fact]
    public async Task A_missing_role_is_NoSuchEntity_with_404()
    {
        var response = await iam.Call("GetRole", ("RoleName", "nope"));

        response.Status.Should().Be(HttpStatusCode.NotFound);
        response.ErrorCode.Should().Be("NoSuchEntity");
        response.ErrorMessage.Should().Be("The role with name nope cannot be found.");
        response.Xml.Root!.Name.Should().Be(IamResponse.Iam + "ErrorResponse");
    }

    [Theory]
    [InlineData("bad name", "1 validation error detected: Value at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+")]
    [InlineData("", "1 validation error detected: Value at 'roleName' failed to satisfy constraint: Member must have length greater than or equal to 1")]
    public async Task An_invalid_role_name_is_ValidationError(string name, string message)
    {
        var response = await iam.Call("CreateRole", ("RoleName", name), ("AssumeRolePolicyDocument", Documents.Ec2Trust));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("ValidationError");
        response.ErrorMessage.Should().Be(message);
    }

    [Fact]
    public async Task Missing_required_parameters_are_all_reported_in_one_ValidationError()
    {
        var response = await iam.Call("CreateRole");

        response.ErrorCode.Should().Be("ValidationError");
        response.ErrorMessage.Should().Be("2 validation errors detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null; Value null at 'assumeRolePolicyDocument' failed to satisfy constraint: Member must not be null");
    }

    [Theory]
    [InlineData("3599", "Member must have value greater than or equal to 3600")]
    [InlineData("43201", "Member must have value less than or equal to 43200")]
    public async Task MaxSessionDuration_outside_one_to_twelve_hours_is_ValidationError(string value, string constraint)
    {
        var response = await iam.Call("CreateRole", ("RoleName", Unique("msd")), ("AssumeRolePolicyDocument", Documents.Ec2Trust), ("MaxSessionDuration", value));

        response.ErrorCode.Should().Be("ValidationError");
        response.ErrorMessage.Should().EndWith(constraint);
    }

    [Fact]
    public async Task A_trust_policy_that_is_not_JSON_is_MalformedPolicyDocument_invalid_Json()
    {
        // AWS's recorded answer to a trust policy with a trailing comma.
        var trailingComma = await iam.Call("CreateRole", ("RoleName", Unique("bad")), ("AssumeRolePolicyDocument",
            """{"Version":"2012-10-17","Statement":[{"Action":"sts:AssumeRole","Principal":"*","Effect":"Allow",}]}"""));
        var truncated = await iam.Call("CreateRole", ("RoleName", Unique("bad")), ("AssumeRolePolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow" """));
        var fileName = await iam.Call("CreateRole", ("RoleName", Unique("bad")), ("AssumeRolePolicyDocument", "assume-role-policy.json"));

        foreach (var response in new[] { trailingComma, truncated, fileName })
        {
            response.Status.Should().Be(HttpStatusCode.BadRequest);
            response.ErrorCode.Should().Be("MalformedPolicyDocument");
            response.ErrorMessage.Should().Be("This policy contains invalid Json");
        }
    }

    [Fact]
    public async Task A_permission_policy_that_is_not_JSON_is_invalid_Json_and_JSON_of_the_wrong_shape_Syntax_errors()
    {
        var role = Unique("inl");
        await iam.Call("CreateRole", ("RoleName", role), ("AssumeRolePolicyDocument", Documents.Ec2Trust));

        var notJson = await iam.Call("PutRolePolicy", ("RoleName", role), ("PolicyName", "p"), ("PolicyDocument", """{"Version":"2012-10-17",}"""));
        var managed = await iam.Call("CreatePolicy", ("PolicyName", Unique("pol")), ("PolicyDocument", "{not json"));
        var wrongShape = await iam.Call("PutRolePolicy", ("RoleName", role), ("PolicyName", "p"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":"Allow everything"}"""));

        notJson.ErrorCode.Should().Be("MalformedPolicyDocument");
        notJson.ErrorMessage.Should().Be("This policy contains invalid Json");
        managed.ErrorCode.Should().Be("MalformedPolicyDocument");
        managed.ErrorMessage.Should().Be("This policy contains invalid Json");
        wrongShape.Status.Should().Be(HttpStatusCode.BadRequest);
        wrongShape.ErrorCode.Should().Be("MalformedPolicyDocument");
        wrongShape.ErrorMessage.Should().Be("Syntax errors in policy.");
    }

    [Fact]
    public async Task A_trust_policy_naming_a_role_that_does_not_exist_is_an_invalid_principal()
    {
        const string trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/ghost"},"Action":"sts:AssumeRole"}]}""";

        var response = await iam.Call("CreateRole", ("RoleName", Unique("ghostly")), ("AssumeRolePolicyDocument", trust));

        response.ErrorCode.Should().Be("MalformedPolicyDocument");
        response.ErrorMessage.Should().Be("Invalid principal in policy: \"AWS\":\"arn:aws:iam::123456789012:role/ghost\"");
    }

    [Fact]
    public async Task ListRoles_pages_with_Marker_and_MaxItems_and_filters_by_PathPrefix()
    {
        var path = $"/{Unique("page")}/";
        for (var i = 0; i < 5; i++)
        {
            await iam.Call("CreateRole", ("RoleName", $"r{i}{Guid.NewGuid():N}"[..12]), ("Path", path), ("AssumeRolePolicyDocument", Documents.Ec2Trust));
        }

        var first = await iam.Call("ListRoles", ("PathPrefix", path), ("MaxItems", "2"));
        var second = await iam.Call("ListRoles", ("PathPrefix", path), ("MaxItems", "2"), ("Marker", first.Value("Marker")!));
        var third = await iam.Call("ListRoles", ("PathPrefix", path), ("MaxItems", "2"), ("Marker", second.Value("Marker")!));

        first.Value("IsTruncated").Should().Be("true");
        third.Value("IsTruncated").Should().Be("false");
        third.Element("Marker").Should().BeNull();
        var names = new[] { first, second, third }.SelectMany(r => r.All("RoleName").Select(e => e.Value)).ToList();
        names.Should().HaveCount(5).And.OnlyHaveUniqueItems();
        first.Element("Tags").Should().BeNull("ListRoles omits tags");
        first.Value("MaxSessionDuration").Should().Be("3600");
    }

    [Fact]
    public async Task An_invalid_marker_is_ValidationError()
    {
        var response = await iam.Call("ListRoles", ("Marker", "not-a-marker-we-issued"));

        response.ErrorCode.Should().Be("ValidationError");
        response.ErrorMessage.Should().Be("Invalid Marker.");
    }

    [Fact]
    public async Task A_role_in_an_instance_profile_cannot_be_deleted_and_a_profile_holds_one_role()
    {
        var role = Unique("ip-role");
        var other = Unique("ip-other");
        var profile = Unique("ip-prof");
        await iam.Call("CreateRole", ("RoleName", role), ("AssumeRolePolicyDocument", Documents.Ec2Trust));
        await iam.Call("CreateRole", ("RoleName", other), ("AssumeRolePolicyDocument", Documents.Ec2Trust));
        var created = await iam.Call("CreateInstanceProfile", ("InstanceProfileName", profile));
        (await iam.Call("AddRoleToInstanceProfile", ("InstanceProfileName", profile), ("RoleName", role))).Status.Should().Be(HttpStatusCode.OK);

        var second = await iam.Call("AddRoleToInstanceProfile", ("InstanceProfileName", profile), ("RoleName", other));
        var delete = await iam.Call("DeleteRole", ("RoleName", role));
        var fetched = await iam.Call("GetInstanceProfile", ("InstanceProfileName", profile));

        created.Value("InstanceProfileId").Should().MatchRegex("^AIPA[A-Z2-7]{17}$");
        created.Element("Roles")!.HasElements.Should().BeFalse();
        second.Status.Should().Be(HttpStatusCode.Conflict);
        second.ErrorCode.Should().Be("LimitExceeded");
        second.ErrorMessage.Should().Be("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
        delete.ErrorCode.Should().Be("DeleteConflict");
        delete.ErrorMessage.Should().Be("Cannot delete entity, must remove roles from instance profile first.");
        fetched.Element("Roles")!.Descendants(IamResponse.Iam + "RoleName").Single().Value.Should().Be(role);
    }

    [Fact]
    public async Task Inline_policies_round_trip_encoded_and_block_deletion_until_removed()
    {
        var role = Unique("inline");
        await iam.Call("CreateRole", ("RoleName", role), ("AssumeRolePolicyDocument", Documents.Ec2Trust));
        await iam.Call("PutRolePolicy", ("RoleName", role), ("PolicyName", "S3-Permissions"), ("PolicyDocument", Documents.S3Read));

        var fetched = await iam.Call("GetRolePolicy", ("RoleName", role), ("PolicyName", "S3-Permissions"));
        var listed = await iam.Call("ListRolePolicies", ("RoleName", role));
        var blocked = await iam.Call("DeleteRole", ("RoleName", role));
        await iam.Call("DeleteRolePolicy", ("RoleName", role), ("PolicyName", "S3-Permissions"));
        var deleted = await iam.Call("DeleteRole", ("RoleName", role));
        var gone = await iam.Call("GetRole", ("RoleName", role));

        Uri.UnescapeDataString(fetched.Value("PolicyDocument")!).Should().Be(Documents.S3Read);
        listed.All("member").Select(m => m.Value).Should().Equal("S3-Permissions");
        blocked.ErrorMessage.Should().Be("Cannot delete entity, must delete policies first.");
        deleted.Status.Should().Be(HttpStatusCode.OK);
        deleted.Element("DeleteRoleResult").Should().BeNull("operations without output return only ResponseMetadata");
        gone.ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task Managed_policies_keep_at_most_five_versions_with_ids_never_reused()
    {
        var created = await iam.Call("CreatePolicy", ("PolicyName", Unique("versions")), ("PolicyDocument", Documents.S3Read));
        var arn = created.Value("Arn")!;
        for (var i = 0; i < 4; i++)
        {
            (await iam.Call("CreatePolicyVersion", ("PolicyArn", arn), ("PolicyDocument", Documents.S3Read))).Status.Should().Be(HttpStatusCode.OK);
        }

        var sixth = await iam.Call("CreatePolicyVersion", ("PolicyArn", arn), ("PolicyDocument", Documents.S3Read));
        await iam.Call("DeletePolicyVersion", ("PolicyArn", arn), ("VersionId", "v5"));
        var next = await iam.Call("CreatePolicyVersion", ("PolicyArn", arn), ("PolicyDocument", Documents.S3Read), ("SetAsDefault", "true"));
        var deleteDefault = await iam.Call("DeletePolicyVersion", ("PolicyArn", arn), ("VersionId", "v6"));
        var policy = await iam.Call("GetPolicy", ("PolicyArn", arn));

        created.Value("PolicyId").Should().MatchRegex("^ANPA[A-Z2-7]{17}$");
        created.Value("DefaultVersionId").Should().Be("v1");
        sixth.ErrorCode.Should().Be("LimitExceeded");
        sixth.ErrorMessage.Should().Be("A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.");
        next.Value("VersionId").Should().Be("v6");
        next.Value("IsDefaultVersion").Should().Be("true");
        deleteDefault.ErrorMessage.Should().Be("Cannot delete the default version of a policy.");
        policy.Value("DefaultVersionId").Should().Be("v6");
    }

    [Fact]
    public async Task Aws_managed_policies_exist_and_can_be_attached()
    {
        var role = Unique("attach");
        await iam.Call("CreateRole", ("RoleName", role), ("AssumeRolePolicyDocument", Documents.Ec2Trust));

        var policy = await iam.Call("GetPolicy", ("PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"));
        await iam.Call("AttachRolePolicy", ("RoleName", role), ("PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"));
        var again = await iam.Call("AttachRolePolicy", ("RoleName", role), ("PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"));
        var attached = await iam.Call("ListAttachedRolePolicies", ("RoleName", role));
        var missing = await iam.Call("AttachRolePolicy", ("RoleName", role), ("PolicyArn", "arn:aws:iam::aws:policy/NoSuchPolicy"));
        var notArn = await iam.Call("AttachRolePolicy", ("RoleName", role), ("PolicyArn", "arn:aws:iam::aws:role/Nope"));

        policy.Value("PolicyName").Should().Be("ReadOnlyAccess");
        again.Status.Should().Be(HttpStatusCode.OK, "attaching an attached policy is a no-op");
        attached.All("PolicyArn").Select(e => e.Value).Should().Equal("arn:aws:iam::aws:policy/ReadOnlyAccess");
        missing.ErrorCode.Should().Be("NoSuchEntity");
        missing.ErrorMessage.Should().Be("Policy arn:aws:iam::aws:policy/NoSuchPolicy does not exist or is not attachable.");
        notArn.ErrorCode.Should().Be("InvalidInput");
        notArn.ErrorMessage.Should().Be("ARN arn:aws:iam::aws:role/Nope is not valid.");
    }

    // AWS's recorded answer to AttachRolePolicy/AttachUserPolicy with "longpolicynamebutnoarn" or a policy's bare name.
    [Theory]
    [InlineData("AttachRolePolicy", "RoleName", "CreateRole")]
    [InlineData("AttachUserPolicy", "UserName", "CreateUser")]
    [InlineData("AttachGroupPolicy", "GroupName", "CreateGroup")]
    public async Task Attaching_a_policy_name_instead_of_an_ARN_is_ValidationError_Could_not_be_parsed(string action, string nameParameter, string create)
    {
        var name = Unique("noarn");
        (string, string)[] createParameters = create == "CreateRole"
            ? [(nameParameter, name), ("AssumeRolePolicyDocument", Documents.Ec2Trust)]
            : [(nameParameter, name)];
        (await iam.Call(create, createParameters)).Status.Should().Be(HttpStatusCode.OK);

        var policyName = await iam.Call(action, (nameParameter, name), ("PolicyArn", "ReadOnlyAccess-by-name-only"));
        var noArn = await iam.Call(action, (nameParameter, name), ("PolicyArn", "longpolicynamebutnoarn"));

        foreach (var response in new[] { policyName, noArn })
        {
            response.Status.Should().Be(HttpStatusCode.BadRequest);
            response.ErrorCode.Should().Be("ValidationError");
            response.ErrorMessage.Should().Be("Invalid ARN:  Could not be parsed!");
        }
    }

    [Fact]
    public async Task Tag_keys_on_roles_are_case_insensitive()
    {
        var role = Unique("tags");
        await iam.Call("CreateRole", ("RoleName", role), ("AssumeRolePolicyDocument", Documents.Ec2Trust), ("Tags.member.1.Key", "Team"), ("Tags.member.1.Value", "a"));

        await iam.Call("TagRole", ("RoleName", role), ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "b"));
        var duplicate = await iam.Call("TagRole", ("RoleName", role), ("Tags.member.1.Key", "x"), ("Tags.member.1.Value", "1"), ("Tags.member.2.Key", "X"), ("Tags.member.2.Value", "2"));
        var tags = await iam.Call("ListRoleTags", ("RoleName", role));

        tags.All("Key").Select(e => e.Value).Should().Equal("team");
        tags.All("Value").Select(e => e.Value).Should().Equal("b");
        duplicate.ErrorCode.Should().Be("InvalidInput");
        duplicate.ErrorMessage.Should().Be("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
    }

    [Fact]
    public async Task Fifty_concurrent_clients_creating_and_deleting_lose_no_update()
    {
        var prefix = Unique("conc");
        var clients = Enumerable.Range(0, 50).Select(async i =>
        {
            var name = $"{prefix}-{i}";
            (await iam.Call("CreateRole", ("RoleName", name), ("Path", $"/{prefix}/"), ("AssumeRolePolicyDocument", Documents.Ec2Trust))).Status.Should().Be(HttpStatusCode.OK);
            if (i % 2 == 0)
            {
                (await iam.Call("DeleteRole", ("RoleName", name))).Status.Should().Be(HttpStatusCode.OK);
            }
        });

        await Task.WhenAll(clients);
        var listed = await iam.Call("ListRoles", ("PathPrefix", $"/{prefix}/"), ("MaxItems", "1000"));

        listed.All("RoleName").Select(e => e.Value).Should().BeEquivalentTo(Enumerable.Range(0, 50).Where(i => i % 2 == 1).Select(i => $"{prefix}-{i}"));
    }
}
