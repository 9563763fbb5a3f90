using System.Net;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Iam;

/// <summary>CreateServiceLinkedRole, DeleteServiceLinkedRole and GetServiceLinkedRoleDeletionStatus, as Terraform drives them.</summary>
public sealed class ServiceLinkedRoleTests
{
    [Fact]
    public async Task Create_makes_AWSs_role_under_aws_service_role_trusting_the_service()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();

        var created = await iam.Call("CreateServiceLinkedRole", ("AWSServiceName", "ecs.amazonaws.com"));
        var got = await iam.Call("GetRole", ("RoleName", "AWSServiceRoleForECS"));

        created.Status.Should().Be(HttpStatusCode.OK);
        created.Value("RoleName").Should().Be("AWSServiceRoleForECS");
        created.Value("Path").Should().Be("/aws-service-role/ecs.amazonaws.com/");
        created.Value("Arn").Should().Be("arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS");
        Uri.UnescapeDataString(got.Value("AssumeRolePolicyDocument")!).Should().Be(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs.amazonaws.com"},"Action":"sts:AssumeRole"}]}""");
        got.Value("Description").Should().Be("Role to enable Amazon ECS to manage your cluster.");
    }

    [Fact]
    public async Task Creating_it_twice_is_InvalidInput_has_been_taken_in_this_account()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        await iam.Call("CreateServiceLinkedRole", ("AWSServiceName", "autoscaling.amazonaws.com"));

        var again = await iam.Call("CreateServiceLinkedRole", ("AWSServiceName", "autoscaling.amazonaws.com"));

        again.Status.Should().Be(HttpStatusCode.BadRequest);
        again.ErrorCode.Should().Be("InvalidInput");
        again.ErrorMessage.Should().Be("Service role name AWSServiceRoleForAutoScaling has been taken in this account, please try a different suffix.");
    }

    [Fact]
    public async Task A_custom_suffix_names_another_role_where_the_service_takes_one_and_is_refused_where_it_does_not()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();

        var suffixed = await iam.Call("CreateServiceLinkedRole", ("AWSServiceName", "autoscaling.amazonaws.com"), ("CustomSuffix", "batch"));
        var refused = await iam.Call("CreateServiceLinkedRole", ("AWSServiceName", "es.amazonaws.com"), ("CustomSuffix", "two"));

        suffixed.Value("RoleName").Should().Be("AWSServiceRoleForAutoScaling_batch");
        refused.Status.Should().Be(HttpStatusCode.BadRequest);
        refused.ErrorCode.Should().Be("InvalidInput");
        refused.ErrorMessage.Should().Be("Custom suffix is not allowed for es.amazonaws.com");
    }

    [Theory]
    [InlineData("lambda.amazonaws.com")]
    [InlineData("ECS.amazonaws.com")]
    public async Task A_service_without_a_service_linked_role_is_InvalidInput(string service)
    {
        using var factory = new EmulatorFactory();

        var reply = await factory.Iam().Call("CreateServiceLinkedRole", ("AWSServiceName", service));

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.ErrorCode.Should().Be("InvalidInput");
        reply.ErrorMessage.Should().Be($"Invalid service name: {service} does not have a service-linked role.");
    }

    [Fact]
    public async Task Delete_returns_a_task_whose_status_is_SUCCEEDED_and_the_role_is_gone()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        await iam.Call("CreateServiceLinkedRole", ("AWSServiceName", "spot.amazonaws.com"));

        var deleted = await iam.Call("DeleteServiceLinkedRole", ("RoleName", "AWSServiceRoleForEC2Spot"));
        var taskId = deleted.Value("DeletionTaskId")!;
        var status = await iam.Call("GetServiceLinkedRoleDeletionStatus", ("DeletionTaskId", taskId));
        var role = await iam.Call("GetRole", ("RoleName", "AWSServiceRoleForEC2Spot"));

        taskId.Should().MatchRegex("^task/aws-service-role/spot.amazonaws.com/AWSServiceRoleForEC2Spot/[0-9a-f-]{36}$");
        status.Value("Status").Should().Be("SUCCEEDED");
        role.ErrorCode.Should().Be("NoSuchEntity");
    }

    [Fact]
    public async Task An_unknown_or_malformed_deletion_task_is_NoSuchEntity_or_InvalidInput()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();

        var unknown = await iam.Call("GetServiceLinkedRoleDeletionStatus", ("DeletionTaskId", "task/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS/00000000-0000-0000-0000-000000000000"));
        var malformed = await iam.Call("GetServiceLinkedRoleDeletionStatus", ("DeletionTaskId", "not-a-task"));

        unknown.Status.Should().Be(HttpStatusCode.NotFound);
        unknown.ErrorCode.Should().Be("NoSuchEntity");
        unknown.ErrorMessage.Should().Be("Deletion task task/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS/00000000-0000-0000-0000-000000000000 not found.");
        malformed.Status.Should().Be(HttpStatusCode.BadRequest);
        malformed.ErrorCode.Should().Be("InvalidInput");
    }

    [Theory]
    [InlineData("DeleteRole")]
    [InlineData("PutRolePolicy", "PolicyName", "p", "PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""")]
    [InlineData("AttachRolePolicy", "PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess")]
    [InlineData("UpdateAssumeRolePolicy", "PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}""")]
    public async Task A_service_linked_role_is_UnmodifiableEntity_for_the_user(string action, params string[] extra)
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        await iam.Call("CreateServiceLinkedRole", ("AWSServiceName", "rds.amazonaws.com"));
        var parameters = new List<(string, string)> { ("RoleName", "AWSServiceRoleForRDS") };
        for (var i = 0; i < extra.Length; i += 2)
        {
            parameters.Add((extra[i], extra[i + 1]));
        }

        var reply = await iam.Call(action, [.. parameters]);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.ErrorCode.Should().Be("UnmodifiableEntity");
        reply.ErrorMessage.Should().Be("Cannot perform the operation on the protected role 'AWSServiceRoleForRDS' - this role is only modifiable by AWS");
        (await iam.Call("GetRole", ("RoleName", "AWSServiceRoleForRDS"))).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeleteServiceLinkedRole_on_an_ordinary_role_is_InvalidInput_and_keeps_it()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        await iam.Call("CreateRole", ("RoleName", "plain"), ("AssumeRolePolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));

        var reply = await iam.Call("DeleteServiceLinkedRole", ("RoleName", "plain"));

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.ErrorCode.Should().Be("InvalidInput");
        reply.ErrorMessage.Should().Be("Role plain is not a service-linked role; delete it with DeleteRole.");
        (await iam.Call("GetRole", ("RoleName", "plain"))).Status.Should().Be(HttpStatusCode.OK);
    }
}
