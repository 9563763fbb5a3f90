using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Federation;

/// <summary>Centralized root access, AssumeRoot and delegation requests through the AWS CLI, in an account without Organizations.</summary>
[Collection(CliWorkflowCollection.Name)]
public sealed class OrganizationPrerequisiteCliTests(DefaultEmulator emulator)
{
    [Theory]
    [InlineData("list-organizations-features")]
    [InlineData("enable-organizations-root-credentials-management")]
    [InlineData("disable-organizations-root-credentials-management")]
    [InlineData("enable-organizations-root-sessions")]
    [InlineData("disable-organizations-root-sessions")]
    public async Task Centralized_root_access_is_OrganizationNotFoundException(string command)
    {
        var error = (await emulator.Cli().RunAsync("iam", command)).ShouldFailWith("OrganizationNotFoundException");

        error.Message.Should().Be("The request was rejected because no organization is associated with your account.");
    }

    [Fact]
    public async Task AssumeRoot_is_validated_then_refused()
    {
        var aws = emulator.Cli();

        var tooLong = (await aws.RunAsync("sts", "assume-root", "--target-principal", "111122223333",
            "--task-policy-arn", "arn=arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy", "--duration-seconds", "901")).ShouldFailWith("ValidationError");
        var wrongPolicy = (await aws.RunAsync("sts", "assume-root", "--target-principal", "111122223333",
            "--task-policy-arn", "arn=arn:aws:iam::aws:policy/AdministratorAccess")).ShouldFailWith("ValidationError");
        var refused = (await aws.RunAsync("sts", "assume-root", "--target-principal", "111122223333",
            "--task-policy-arn", "arn=arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy")).ShouldFailWith("AccessDenied");

        tooLong.Message.Should().Be("1 validation error detected: Value '901' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 900");
        wrongPolicy.Message.Should().StartWith("The task policy ARN arn:aws:iam::aws:policy/AdministratorAccess is not supported.");
        refused.Message.Should().StartWith("Root user credentials cannot call AssumeRoot.");
    }

    [Fact]
    public async Task Delegation_requests_and_trade_in_tokens_answer_as_for_an_account_without_them()
    {
        var aws = emulator.Cli();

        var get = (await aws.RunAsync("iam", "get-delegation-request", "--delegation-request-id", "abcdefghijklmnop1234")).ShouldFailWith("NoSuchEntity");
        var listed = (await aws.RunAsync("iam", "list-delegation-requests")).ShouldSucceed().Json;
        var token = (await aws.RunAsync("sts", "get-delegated-access-token", "--trade-in-token", "not-a-token")).ShouldFailWith("ExpiredTradeInTokenException");

        get.Message.Should().Be("The delegation request with id abcdefghijklmnop1234 cannot be found.");
        listed.At("DelegationRequests").GetArrayLength().Should().Be(0);
        token.Message.Should().StartWith("The trade-in token provided in the request has expired");
    }
}
