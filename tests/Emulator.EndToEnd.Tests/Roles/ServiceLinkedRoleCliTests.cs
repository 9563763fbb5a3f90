using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Roles;

/// <summary>The sequence Terraform's aws_iam_service_linked_role drives, through the AWS CLI.</summary>
[Collection(CliWorkflowCollection.Name)]
public sealed class ServiceLinkedRoleCliTests(DefaultEmulator emulator)
{
    [Fact]
    public async Task Create_twice_is_taken_then_delete_reports_a_succeeded_deletion_task()
    {
        var aws = emulator.Cli();

        var created = (await aws.RunAsync("iam", "create-service-linked-role", "--aws-service-name", "elasticloadbalancing.amazonaws.com"))
            .ShouldSucceed().Json.At("Role");
        var again = (await aws.RunAsync("iam", "create-service-linked-role", "--aws-service-name", "elasticloadbalancing.amazonaws.com"))
            .ShouldFailWith("InvalidInput");
        var deletion = (await aws.RunAsync("iam", "delete-service-linked-role", "--role-name", "AWSServiceRoleForElasticLoadBalancing"))
            .ShouldSucceed().Json.Text("DeletionTaskId");
        var status = (await aws.RunAsync("iam", "get-service-linked-role-deletion-status", "--deletion-task-id", deletion))
            .ShouldSucceed().Json.Text("Status");
        (await aws.RunAsync("iam", "get-role", "--role-name", "AWSServiceRoleForElasticLoadBalancing")).ShouldFailWith("NoSuchEntity");

        created.Text("Arn").Should().Be("arn:aws:iam::123456789012:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing");
        created.Text("Path").Should().Be("/aws-service-role/elasticloadbalancing.amazonaws.com/");
        again.Message.Should().Be("Service role name AWSServiceRoleForElasticLoadBalancing has been taken in this account, please try a different suffix.");
        deletion.Should().StartWith("task/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing/");
        status.Should().Be("SUCCEEDED");
    }
}
