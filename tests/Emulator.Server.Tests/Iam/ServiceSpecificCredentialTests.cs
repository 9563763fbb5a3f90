using System.Net;
using System.Text;
using Emulator.Server.Tests.Audit;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Iam;

/// <summary>Service-specific credentials: CodeCommit and Keyspaces passwords, Bedrock and CloudWatch Logs API keys.</summary>
public sealed class ServiceSpecificCredentialTests : IDisposable
{
    private readonly EmulatorFactory factory = new();
    private readonly IamTestClient iam;

    public ServiceSpecificCredentialTests() => iam = factory.Iam();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task A_CodeCommit_credential_has_IAMs_user_name_a_generated_password_and_two_per_service_at_most()
    {
        await iam.Call("CreateUser", ("UserName", "jane"));

        var first = await Create("jane", "codecommit.amazonaws.com");
        var second = await Create("jane", "codecommit.amazonaws.com");
        var third = await Create("jane", "codecommit.amazonaws.com");
        var keyspaces = await Create("jane", "cassandra.amazonaws.com");

        first.Status.Should().Be(HttpStatusCode.OK);
        first.Value("ServiceSpecificCredentialId").Should().MatchRegex("^ACCA[A-Z2-7]{17}$");
        first.Value("ServiceUserName").Should().Be("jane-at-123456789012");
        first.Value("ServicePassword").Should().HaveLength(44);
        first.Value("ServiceName").Should().Be("codecommit.amazonaws.com");
        first.Value("UserName").Should().Be("jane");
        first.Value("Status").Should().Be("Active");
        first.Value("CreateDate").Should().NotBeNull();
        first.Element("ExpirationDate").Should().BeNull();
        first.Element("ServiceCredentialSecret").Should().BeNull();
        second.Value("ServiceUserName").Should().Be("jane+1-at-123456789012");
        second.Value("ServicePassword").Should().NotBe(first.Value("ServicePassword"));
        third.Status.Should().Be(HttpStatusCode.Conflict);
        third.ErrorCode.Should().Be("LimitExceeded");
        third.ErrorMessage.Should().Be("Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: 2");
        keyspaces.Status.Should().Be(HttpStatusCode.OK);
        keyspaces.Value("ServiceUserName").Should().Be("jane-at-123456789012");
    }

    [Fact]
    public async Task A_Bedrock_API_key_has_an_alias_a_secret_and_expires_after_CredentialAgeDays()
    {
        await iam.Call("CreateUser", ("UserName", "jane"));

        var created = await iam.Call("CreateServiceSpecificCredential", ("UserName", "jane"), ("ServiceName", "bedrock.amazonaws.com"), ("CredentialAgeDays", "30"));
        var createDate = DateTimeOffset.Parse(created.Value("CreateDate")!, System.Globalization.CultureInfo.InvariantCulture);
        await AdminRequest.Post("/_emulator/clock", """{"offsetSeconds": 2678400}""").SendAsync(factory.CreateClient());
        var listed = await iam.Call("ListServiceSpecificCredentials", ("UserName", "jane"));

        created.Status.Should().Be(HttpStatusCode.OK);
        created.Value("ServiceCredentialAlias").Should().StartWith("jane-at-123456789012-");
        created.Value("ServiceCredentialSecret").Should().StartWith("ABSK");
        Encoding.UTF8.GetString(Convert.FromBase64String(created.Value("ServiceCredentialSecret")![4..])).Should().StartWith(created.Value("ServiceCredentialAlias") + ":");
        created.Element("ServicePassword").Should().BeNull();
        created.Element("ServiceUserName").Should().BeNull();
        DateTimeOffset.Parse(created.Value("ExpirationDate")!, System.Globalization.CultureInfo.InvariantCulture).Should().Be(createDate.AddDays(30));
        listed.Value("Status").Should().Be("Expired");
        listed.Value("ServiceCredentialAlias").Should().Be(created.Value("ServiceCredentialAlias"));
        listed.Element("ServiceCredentialSecret").Should().BeNull();
    }

    [Fact]
    public async Task A_CloudWatch_Logs_API_key_without_CredentialAgeDays_never_expires()
    {
        await iam.Call("CreateUser", ("UserName", "jane"));

        var created = await Create("jane", "logs.amazonaws.com");

        created.Status.Should().Be(HttpStatusCode.OK);
        created.Value("ServiceCredentialSecret").Should().NotBeNullOrEmpty();
        created.Element("ExpirationDate").Should().BeNull();
    }

    [Fact]
    public async Task CredentialAgeDays_is_for_API_keys_only_and_within_the_models_range()
    {
        await iam.Call("CreateUser", ("UserName", "jane"));

        var forCodeCommit = await iam.Call("CreateServiceSpecificCredential", ("UserName", "jane"), ("ServiceName", "codecommit.amazonaws.com"), ("CredentialAgeDays", "5"));
        var zero = await iam.Call("CreateServiceSpecificCredential", ("UserName", "jane"), ("ServiceName", "bedrock.amazonaws.com"), ("CredentialAgeDays", "0"));
        var text = await iam.Call("CreateServiceSpecificCredential", ("UserName", "jane"), ("ServiceName", "bedrock.amazonaws.com"), ("CredentialAgeDays", "soon"));

        forCodeCommit.Status.Should().Be(HttpStatusCode.BadRequest);
        forCodeCommit.ErrorCode.Should().Be("InvalidInput");
        forCodeCommit.ErrorMessage.Should().Be("CredentialAgeDays is only valid for Bedrock and CloudWatch Logs API keys.");
        zero.ErrorCode.Should().Be("ValidationError");
        zero.ErrorMessage.Should().Be("1 validation error detected: Value at 'credentialAgeDays' failed to satisfy constraint: Member must have value greater than or equal to 1");
        text.ErrorCode.Should().Be("ValidationError");
    }

    [Fact]
    public async Task A_service_without_service_specific_credentials_is_NotSupportedService()
    {
        await iam.Call("CreateUser", ("UserName", "jane"));

        var create = await Create("jane", "s3.amazonaws.com");
        var list = await iam.Call("ListServiceSpecificCredentials", ("UserName", "jane"), ("ServiceName", "codecommit"));

        create.Status.Should().Be(HttpStatusCode.NotFound);
        create.ErrorCode.Should().Be("NotSupportedService");
        create.ErrorMessage.Should().Be("The specified service does not support service-specific credentials.");
        list.Status.Should().Be(HttpStatusCode.NotFound);
        list.ErrorCode.Should().Be("NotSupportedService");
    }

    [Fact]
    public async Task A_missing_user_is_NoSuchEntity_and_missing_members_are_ValidationErrors()
    {
        var missingUser = await Create("nobody", "codecommit.amazonaws.com");
        var nothing = await iam.Call("CreateServiceSpecificCredential");
        var shortId = await iam.Call("DeleteServiceSpecificCredential", ("ServiceSpecificCredentialId", "ACCA1"));

        missingUser.Status.Should().Be(HttpStatusCode.NotFound);
        missingUser.ErrorMessage.Should().Be("The user with name nobody cannot be found.");
        nothing.ErrorMessage.Should().Be("2 validation errors detected: Value null at 'userName' failed to satisfy constraint: Member must not be null; "
            + "Value null at 'serviceName' failed to satisfy constraint: Member must not be null");
        shortId.ErrorMessage.Should().Be("1 validation error detected: Value at 'serviceSpecificCredentialId' failed to satisfy constraint: Member must have length greater than or equal to 20");
    }

    [Fact]
    public async Task List_filters_by_user_service_or_all_users_and_never_shows_a_password()
    {
        await iam.Call("CreateUser", ("UserName", "jane"));
        await iam.Call("CreateUser", ("UserName", "john"));
        await Create("jane", "codecommit.amazonaws.com");
        await Create("jane", "cassandra.amazonaws.com");
        await Create("john", "codecommit.amazonaws.com");

        var jane = await iam.Call("ListServiceSpecificCredentials", ("UserName", "jane"));
        var janeCodeCommit = await iam.Call("ListServiceSpecificCredentials", ("UserName", "jane"), ("ServiceName", "codecommit.amazonaws.com"));
        var everyone = await iam.Call("ListServiceSpecificCredentials", ("AllUsers", "true"), ("ServiceName", "codecommit.amazonaws.com"));
        var both = await iam.Call("ListServiceSpecificCredentials", ("AllUsers", "true"), ("UserName", "jane"));
        var paged = await iam.Call("ListServiceSpecificCredentials", ("AllUsers", "true"), ("MaxItems", "2"));
        var rest = await iam.Call("ListServiceSpecificCredentials", ("AllUsers", "true"), ("MaxItems", "2"), ("Marker", paged.Value("Marker")!));
        var root = await iam.Call("ListServiceSpecificCredentials");

        jane.All("ServiceName").Select(e => e.Value).Should().BeEquivalentTo("codecommit.amazonaws.com", "cassandra.amazonaws.com");
        jane.Body.Should().NotContain("ServicePassword");
        janeCodeCommit.All("ServiceName").Should().ContainSingle();
        everyone.All("UserName").Select(e => e.Value).Should().Equal("jane", "john");
        both.ErrorCode.Should().Be("InvalidInput");
        both.ErrorMessage.Should().Be("AllUsers cannot be specified together with UserName.");
        paged.All("ServiceSpecificCredentialId").Should().HaveCount(2);
        paged.Value("IsTruncated").Should().Be("true");
        rest.All("UserName").Select(e => e.Value).Should().Equal("john");
        root.Status.Should().Be(HttpStatusCode.OK);
        root.All("ServiceSpecificCredentialId").Should().BeEmpty();
    }

    [Fact]
    public async Task Without_UserName_the_calls_act_on_the_callers_own_credentials()
    {
        await iam.Call("CreateUser", ("UserName", "jane"));
        await iam.Call("AttachUserPolicy", ("UserName", "jane"), ("PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"));
        var key = await iam.Call("CreateAccessKey", ("UserName", "jane"));
        var asJane = factory.Iam(key.Value("AccessKeyId")!, key.Value("SecretAccessKey")!);
        var id = (await Create("jane", "codecommit.amazonaws.com")).Value("ServiceSpecificCredentialId")!;

        var listed = await asJane.Call("ListServiceSpecificCredentials");
        var reset = await asJane.Call("ResetServiceSpecificCredential", ("ServiceSpecificCredentialId", id));
        var updated = await asJane.Call("UpdateServiceSpecificCredential", ("ServiceSpecificCredentialId", id), ("Status", "Inactive"));
        var deleted = await asJane.Call("DeleteServiceSpecificCredential", ("ServiceSpecificCredentialId", id));

        listed.All("ServiceSpecificCredentialId").Select(e => e.Value).Should().Equal(id);
        reset.Status.Should().Be(HttpStatusCode.OK);
        updated.Status.Should().Be(HttpStatusCode.OK);
        deleted.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reset_gives_a_new_password_for_the_same_credential()
    {
        await iam.Call("CreateUser", ("UserName", "jane"));
        var created = await Create("jane", "codecommit.amazonaws.com");
        var id = created.Value("ServiceSpecificCredentialId")!;

        var reset = await iam.Call("ResetServiceSpecificCredential", ("UserName", "jane"), ("ServiceSpecificCredentialId", id));

        reset.Status.Should().Be(HttpStatusCode.OK);
        reset.Value("ServiceSpecificCredentialId").Should().Be(id);
        reset.Value("ServiceUserName").Should().Be("jane-at-123456789012");
        reset.Value("ServicePassword").Should().HaveLength(44).And.NotBe(created.Value("ServicePassword"));
        reset.Value("CreateDate").Should().Be(created.Value("CreateDate"));
    }

    [Fact]
    public async Task Update_sets_the_status_and_refuses_Expired()
    {
        await iam.Call("CreateUser", ("UserName", "jane"));
        var id = (await Create("jane", "codecommit.amazonaws.com")).Value("ServiceSpecificCredentialId")!;

        await iam.Call("UpdateServiceSpecificCredential", ("UserName", "jane"), ("ServiceSpecificCredentialId", id), ("Status", "Inactive"));
        var inactive = await iam.Call("ListServiceSpecificCredentials", ("UserName", "jane"));
        var expired = await iam.Call("UpdateServiceSpecificCredential", ("UserName", "jane"), ("ServiceSpecificCredentialId", id), ("Status", "Expired"));
        var unknown = await iam.Call("UpdateServiceSpecificCredential", ("UserName", "jane"), ("ServiceSpecificCredentialId", id), ("Status", "Paused"));

        inactive.Value("Status").Should().Be("Inactive");
        expired.ErrorCode.Should().Be("InvalidInput");
        expired.ErrorMessage.Should().Be("The status of a service-specific credential can only be set to Active or Inactive.");
        unknown.ErrorMessage.Should().Be("1 validation error detected: Value at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive, Expired]");
    }

    [Theory]
    [InlineData("ResetServiceSpecificCredential")]
    [InlineData("UpdateServiceSpecificCredential")]
    [InlineData("DeleteServiceSpecificCredential")]
    public async Task Another_users_or_an_unknown_credential_is_NoSuchEntity(string action)
    {
        await iam.Call("CreateUser", ("UserName", "jane"));
        await iam.Call("CreateUser", ("UserName", "john"));
        var id = (await Create("jane", "codecommit.amazonaws.com")).Value("ServiceSpecificCredentialId")!;

        var wrongUser = await iam.Call(action, ("UserName", "john"), ("ServiceSpecificCredentialId", id), ("Status", "Active"));
        var unknown = await iam.Call(action, ("UserName", "jane"), ("ServiceSpecificCredentialId", "ACCAAAAAAAAAAAAAAAAAA"), ("Status", "Active"));

        wrongUser.Status.Should().Be(HttpStatusCode.NotFound);
        wrongUser.ErrorCode.Should().Be("NoSuchEntity");
        wrongUser.ErrorMessage.Should().Be($"No such credential {id} exists");
        unknown.ErrorMessage.Should().Be("No such credential ACCAAAAAAAAAAAAAAAAAA exists");
    }

    [Fact]
    public async Task Delete_removes_the_credential_and_DeleteUser_waits_for_it()
    {
        await iam.Call("CreateUser", ("UserName", "jane"));
        var id = (await Create("jane", "codecommit.amazonaws.com")).Value("ServiceSpecificCredentialId")!;

        var refused = await iam.Call("DeleteUser", ("UserName", "jane"));
        await iam.Call("DeleteServiceSpecificCredential", ("UserName", "jane"), ("ServiceSpecificCredentialId", id));
        var remaining = await iam.Call("ListServiceSpecificCredentials", ("UserName", "jane"));
        var deleted = await iam.Call("DeleteUser", ("UserName", "jane"));

        refused.Status.Should().Be(HttpStatusCode.Conflict);
        refused.ErrorCode.Should().Be("DeleteConflict");
        refused.ErrorMessage.Should().Be("Cannot delete entity, must delete service specific credentials first.");
        remaining.All("ServiceSpecificCredentialId").Should().BeEmpty();
        deleted.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Renaming_the_user_keeps_its_credentials()
    {
        await iam.Call("CreateUser", ("UserName", "jane"));
        var id = (await Create("jane", "codecommit.amazonaws.com")).Value("ServiceSpecificCredentialId")!;

        await iam.Call("UpdateUser", ("UserName", "jane"), ("NewUserName", "janet"));
        var listed = await iam.Call("ListServiceSpecificCredentials", ("UserName", "janet"));

        listed.All("ServiceSpecificCredentialId").Select(e => e.Value).Should().Equal(id);
        listed.Value("UserName").Should().Be("janet");
    }

    [Fact]
    public async Task Passwords_and_API_keys_never_reach_the_trail_or_an_export()
    {
        await iam.Call("CreateUser", ("UserName", "jane"));
        var created = await Create("jane", "codecommit.amazonaws.com");
        var password = created.Value("ServicePassword")!;
        var reset = (await iam.Call("ResetServiceSpecificCredential", ("UserName", "jane"),
            ("ServiceSpecificCredentialId", created.Value("ServiceSpecificCredentialId")!))).Value("ServicePassword")!;
        var secret = (await Create("jane", "bedrock.amazonaws.com")).Value("ServiceCredentialSecret")!;
        var http = factory.CreateClient();

        var withoutSecrets = await http.GetStringAsync("/_emulator/state");
        var withSecrets = await http.GetStringAsync("/_emulator/state?secrets=true");
        var trail = string.Join('\n', (await TrailClient.Records(factory)).Select(r => r.GetRawText()));
        var createRecord = (await TrailClient.Records(factory, "?eventName=CreateServiceSpecificCredential")).First();

        foreach (var value in new[] { password, reset, secret })
        {
            withoutSecrets.Should().NotContain(value);
            withSecrets.Should().NotContain(value);
            trail.Should().NotContain(value);
        }

        withoutSecrets.Should().Contain("service-specific-credential").And.NotContain("SecretHash");
        withSecrets.Should().Contain("SecretHash");
        createRecord.Text("responseElements", "serviceSpecificCredential", "serviceSpecificCredentialId").Should().NotBeNull();
    }

    private Task<IamResponse> Create(string userName, string serviceName) =>
        iam.Call("CreateServiceSpecificCredential", ("UserName", userName), ("ServiceName", serviceName));
}
