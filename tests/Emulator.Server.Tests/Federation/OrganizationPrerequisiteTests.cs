using System.Net;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Federation;

/// <summary>
/// Operations that need AWS Organizations or partner onboarding, which the emulator has not: centralized
/// root access, AssumeRoot, delegation requests and GetDelegatedAccessToken. Input is validated first.
/// </summary>
public sealed class OrganizationPrerequisiteTests : IClassFixture<OrganizationPrerequisiteTests.Factory>
{
    private const string Seed = """
        {"accounts":[{"id":"123456789012","rootAccessKeyId":"AKIAIOSFODNN7EXAMPLE","rootSecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          "users":[{"UserName":"admin","AccessKeys":[{"AccessKeyId":"AKIAADMINADMIN000001","SecretAccessKey":"admin-secret"}],
                    "Policies":[{"PolicyName":"all","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:*","iam:*"],"Resource":"*"}]}}]}]}]}
        """;

    private const string AuditPolicy = "arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials";
    private const string RequestId = "abcdefghijklmnop1234";

    private readonly Factory factory;

    public OrganizationPrerequisiteTests(Factory factory) => this.factory = factory;

    public sealed class Factory() : EmulatorFactory(Seed);

    private IamTestClient Admin => factory.Iam("AKIAADMINADMIN000001", "admin-secret");

    [Theory]
    [InlineData("ListOrganizationsFeatures")]
    [InlineData("EnableOrganizationsRootCredentialsManagement")]
    [InlineData("DisableOrganizationsRootCredentialsManagement")]
    [InlineData("EnableOrganizationsRootSessions")]
    [InlineData("DisableOrganizationsRootSessions")]
    public async Task Centralized_root_access_without_an_organization_is_OrganizationNotFoundException(string action)
    {
        var response = await Admin.Call(action);

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("OrganizationNotFoundException");
        response.ErrorMessage.Should().Be("The request was rejected because no organization is associated with your account.");
        response.ErrorType.Should().Be("Sender");
    }

    [Fact]
    public async Task AssumeRoot_from_an_account_without_an_organization_is_AccessDenied()
    {
        var response = await Admin.For("sts").Call("AssumeRoot", ("TargetPrincipal", "111122223333"), ("TaskPolicyArn.arn", AuditPolicy), ("DurationSeconds", "900"));

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.ErrorCode.Should().Be("AccessDenied");
        response.ErrorMessage.Should().Be("User: arn:aws:iam::123456789012:user/admin is not authorized to perform: sts:AssumeRoot on resource: arn:aws:iam::111122223333:root because no organization with centralized root sessions is associated with your account");
    }

    [Fact]
    public async Task AssumeRoot_with_root_user_credentials_is_AccessDenied()
    {
        var response = await factory.Iam().For("sts").Call("AssumeRoot", ("TargetPrincipal", "arn:aws:iam::111122223333:root"), ("TaskPolicyArn.arn", AuditPolicy));

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.ErrorCode.Should().Be("AccessDenied");
        response.ErrorMessage.Should().StartWith("Root user credentials cannot call AssumeRoot.");
    }

    [Theory]
    [InlineData("TaskPolicyArn.arn=" + AuditPolicy, "1 validation error detected: Value null at 'targetPrincipal' failed to satisfy constraint: Member must not be null")]
    [InlineData("TargetPrincipal=111122223333", "1 validation error detected: Value null at 'taskPolicyArn' failed to satisfy constraint: Member must not be null")]
    [InlineData("TargetPrincipal=1111&TaskPolicyArn.arn=" + AuditPolicy, "1 validation error detected: Value '1111' at 'targetPrincipal' failed to satisfy constraint: Member must have length greater than or equal to 12")]
    [InlineData("TargetPrincipal=111122223333&TaskPolicyArn.arn=" + AuditPolicy + "&DurationSeconds=901", "1 validation error detected: Value '901' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 900")]
    [InlineData("TargetPrincipal=111122223333&TaskPolicyArn.arn=arn:aws:iam", "1 validation error detected: Value 'arn:aws:iam' at 'taskPolicyArn.arn' failed to satisfy constraint: Member must have length greater than or equal to 20")]
    [InlineData("TargetPrincipal=111122223333&TaskPolicyArn.arn=arn:aws:iam::aws:policy/AdministratorAccess", "The task policy ARN arn:aws:iam::aws:policy/AdministratorAccess is not supported. Use one of the root-task policies: arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials, arn:aws:iam::aws:policy/root-task/IAMCreateRootUserPassword, arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials, arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy, arn:aws:iam::aws:policy/root-task/SQSUnlockQueuePolicy.")]
    [InlineData("TargetPrincipal=not-an-account-id&TaskPolicyArn.arn=" + AuditPolicy, "The target principal not-an-account-id is not a valid account ID or principal ARN.")]
    public async Task Bad_AssumeRoot_input_is_ValidationError(string form, string message)
    {
        var response = await Admin.For("sts").Call("AssumeRoot", Parse(form));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("ValidationError");
        response.ErrorMessage.Should().Be(message);
    }

    [Fact]
    public async Task GetDelegatedAccessToken_with_a_token_never_issued_is_ExpiredTradeInTokenException_and_without_one_ValidationError()
    {
        var sts = Admin.For("sts");

        var unknown = await sts.Call("GetDelegatedAccessToken", ("TradeInToken", "some-token"));
        var missing = await sts.Call("GetDelegatedAccessToken");

        unknown.Status.Should().Be(HttpStatusCode.BadRequest);
        unknown.ErrorCode.Should().Be("ExpiredTradeInTokenException");
        unknown.ErrorMessage.Should().StartWith("The trade-in token provided in the request has expired");
        missing.ErrorCode.Should().Be("ValidationError");
        missing.ErrorMessage.Should().Be("1 validation error detected: Value null at 'tradeInToken' failed to satisfy constraint: Member must not be null");
    }

    [Fact]
    public async Task CreateDelegationRequest_from_an_account_not_onboarded_as_a_partner_is_AccessDenied()
    {
        var response = await Admin.Call("CreateDelegationRequest", ValidCreate());

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.ErrorCode.Should().Be("AccessDenied");
        response.ErrorMessage.Should().Be("Account 123456789012 is not onboarded as a partner for temporary access delegation, so it cannot create delegation requests.");
    }

    [Theory]
    [InlineData("Description", null, "Value null at 'description' failed to satisfy constraint: Member must not be null")]
    [InlineData("NotificationChannel", "a b", "Value at 'notificationChannel' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:_.-]+$")]
    [InlineData("SessionDuration", "299", "Value at 'sessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 300")]
    [InlineData("SessionDuration", "43201", "Value at 'sessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200")]
    [InlineData("RequestorWorkflowId", "abc", "Value at 'requestorWorkflowId' failed to satisfy constraint: Member must have length greater than or equal to 5")]
    [InlineData("OwnerAccountId", "12345", "Value at 'ownerAccountId' failed to satisfy constraint: Member must satisfy regular expression pattern: \\d{12}")]
    [InlineData("RedirectUrl", "ftp://x", "Value at 'redirectUrl' failed to satisfy constraint: Member must satisfy regular expression pattern: ^http(s?)://[a-zA-Z0-9._/-]*(\\?[a-zA-Z0-9._=&-]*)?(#[a-zA-Z0-9._/-]*)?$")]
    [InlineData("Permissions.Parameters.member.1.Type", "number", "Value at 'permissions.parameters.1.member.type' failed to satisfy constraint: Member must satisfy enum value set: [string, stringList]")]
    public async Task Bad_CreateDelegationRequest_input_is_ValidationError(string member, string? value, string failure)
    {
        var parameters = ValidCreate().Where(p => p.Name != member).ToList();
        if (value is not null)
        {
            parameters.Add((member, value));
        }

        var response = await Admin.Call("CreateDelegationRequest", [.. parameters]);

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("ValidationError");
        response.ErrorMessage.Should().Be("1 validation error detected: " + failure);
    }

    [Theory]
    [InlineData("GetDelegationRequest")]
    [InlineData("AcceptDelegationRequest")]
    [InlineData("RejectDelegationRequest")]
    [InlineData("AssociateDelegationRequest")]
    [InlineData("UpdateDelegationRequest")]
    [InlineData("SendDelegationToken")]
    public async Task A_delegation_request_that_was_never_created_is_NoSuchEntity(string action)
    {
        var response = await Admin.Call(action, ("DelegationRequestId", RequestId));

        response.Status.Should().Be(HttpStatusCode.NotFound);
        response.ErrorCode.Should().Be("NoSuchEntity");
        response.ErrorMessage.Should().Be($"The delegation request with id {RequestId} cannot be found.");
    }

    [Theory]
    [InlineData("GetDelegationRequest", "", "Value null at 'delegationRequestId' failed to satisfy constraint: Member must not be null")]
    [InlineData("AcceptDelegationRequest", "DelegationRequestId=short", "Value at 'delegationRequestId' failed to satisfy constraint: Member must have length greater than or equal to 16")]
    [InlineData("SendDelegationToken", "DelegationRequestId=abcdefghijklmnop!!", "Value at 'delegationRequestId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+")]
    [InlineData("ListDelegationRequests", "MaxItems=0", "Value at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1")]
    [InlineData("ListDelegationRequests", "OwnerId=short", "Value at 'ownerId' failed to satisfy constraint: Member must have length greater than or equal to 20")]
    [InlineData("GetHumanReadableSummary", "", "Value null at 'entityArn' failed to satisfy constraint: Member must not be null")]
    [InlineData("GetHumanReadableSummary", "EntityArn=arn:aws:iam::123456789012:delegation-request/x&Locale=e", "Value at 'locale' failed to satisfy constraint: Member must have length greater than or equal to 2")]
    public async Task Bad_delegation_request_input_is_ValidationError(string action, string form, string failure)
    {
        var response = await Admin.Call(action, form.Length == 0 ? [] : Parse(form));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("ValidationError");
        response.ErrorMessage.Should().Be("1 validation error detected: " + failure);
    }

    [Fact]
    public async Task Rejecting_with_notes_over_500_characters_is_ValidationError()
    {
        var response = await Admin.Call("RejectDelegationRequest", ("DelegationRequestId", RequestId), ("Notes", new string('n', 501)));

        response.ErrorCode.Should().Be("ValidationError");
        response.ErrorMessage.Should().Be("1 validation error detected: Value at 'notes' failed to satisfy constraint: Member must have length less than or equal to 500");
    }

    [Fact]
    public async Task ListDelegationRequests_is_empty_and_a_marker_from_nowhere_is_InvalidInput()
    {
        var listed = await Admin.Call("ListDelegationRequests");
        var marked = await Admin.Call("ListDelegationRequests", ("Marker", "abc"));

        listed.Status.Should().Be(HttpStatusCode.OK);
        listed.Element("DelegationRequests")!.HasElements.Should().BeFalse();
        listed.Value("isTruncated").Should().Be("false");
        marked.Status.Should().Be(HttpStatusCode.BadRequest);
        marked.ErrorCode.Should().Be("InvalidInput");
    }

    [Fact]
    public async Task A_summary_of_a_delegation_request_never_created_is_NoSuchEntity_and_of_anything_else_InvalidInput()
    {
        var request = await Admin.Call("GetHumanReadableSummary", ("EntityArn", $"arn:aws:iam::123456789012:delegation-request/{RequestId}"));
        var role = await Admin.Call("GetHumanReadableSummary", ("EntityArn", "arn:aws:iam::123456789012:role/anything"));

        request.Status.Should().Be(HttpStatusCode.NotFound);
        request.ErrorCode.Should().Be("NoSuchEntity");
        role.Status.Should().Be(HttpStatusCode.BadRequest);
        role.ErrorCode.Should().Be("InvalidInput");
        role.ErrorMessage.Should().Be("The entity type of arn:aws:iam::123456789012:role/anything is not supported. The only supported entity type is delegation-request.");
    }

    private static (string Name, string Value)[] ValidCreate() =>
    [
        ("Description", "Read access for the partner"),
        ("Permissions.PolicyTemplateArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"),
        ("Permissions.Parameters.member.1.Name", "bucket"),
        ("Permissions.Parameters.member.1.Values.member.1", "logs"),
        ("Permissions.Parameters.member.1.Type", "string"),
        ("RequestorWorkflowId", "workflow-1"),
        ("NotificationChannel", "arn:aws:sns:us-east-1:111122223333:partner"),
        ("SessionDuration", "3600"),
    ];

    private static (string Name, string Value)[] Parse(string form) =>
        form.Split('&').Select(p => p.Split('=', 2)).Select(p => (p[0], p[1])).ToArray();
}
