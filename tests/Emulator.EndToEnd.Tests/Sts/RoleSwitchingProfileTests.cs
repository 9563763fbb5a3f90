using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Sts;

/// <summary>
/// Seed 002, switching to an IAM role with the AWS CLI: the user's keys in profile <c>dev</c>, and role
/// profiles (<c>role_arn</c> + <c>source_profile = dev</c>) whose commands run with the role's permissions
/// only, as a <c>botocore-session-&lt;epoch&gt;</c> session; durations run from 900 s to the role's maximum.
/// </summary>
[Collection(StsCliCollection.Name)]
public sealed class RoleSwitchingProfileTests : IDisposable
{
    private const string SessionName = @"botocore-session-\d+";

    private readonly ScratchDirectory files = new();
    private readonly AwsCliWithProfiles aws;

    public RoleSwitchingProfileTests(StsEmulator emulator)
    {
        aws = new AwsCliWithProfiles(emulator.Url, files.Path).WithFiles(
            config: $"""
            [profile dev]
            region = us-east-1

            [profile prodaccess]
            role_arn = {StsEmulator.RoleArn("prodaccess")}
            source_profile = dev

            [profile auditor]
            role_arn = {StsEmulator.RoleArn("auditor")}
            source_profile = dev

            [profile quickaccess]
            role_arn = {StsEmulator.RoleArn("prodaccess")}
            source_profile = dev
            duration_seconds = 899
            """,
            credentials: $"""
            [dev]
            aws_access_key_id = {StsEmulator.Dev.AccessKeyId}
            aws_secret_access_key = {StsEmulator.Dev.SecretAccessKey}
            """);
    }

    [Fact]
    public async Task Commands_with_the_prodaccess_profile_run_as_an_assumed_role_session_with_the_roles_permissions()
    {
        var users = (await aws.RunAsync("iam", "list-users", "--profile", "prodaccess")).ShouldSucceed().Json;
        var identity = (await aws.RunAsync("sts", "get-caller-identity", "--profile", "prodaccess")).ShouldSucceed().Json;

        users.Items("Users").Select(u => u.Text("Arn")).Should().Contain("arn:aws:iam::111111111111:user/dev");
        identity.Text("Account").Should().Be(StsEmulator.AccountA);
        identity.Text("Arn").Should().MatchRegex($"^arn:aws:sts::111111111111:assumed-role/prodaccess/{SessionName}$");
        identity.Text("UserId").Should().MatchRegex($"^AROA[A-Z2-7]{{17}}:{SessionName}$");
        identity.Text("UserId").Split(':')[1].Should().Be(identity.Text("Arn").Split('/')[^1], "UserId ends with the session name of the ARN");
    }

    [Fact]
    public async Task A_role_profile_does_not_add_the_source_users_permissions_so_a_role_without_IAM_read_access_is_denied()
    {
        var asDev = await aws.RunAsync("iam", "list-users", "--profile", "dev");
        var asAuditor = await aws.RunAsync("iam", "list-users", "--profile", "auditor");

        asDev.ShouldSucceed();
        var denied = asAuditor.ShouldFailWith("AccessDenied");
        denied.Operation.Should().Be("ListUsers");
        denied.Message.Should().MatchRegex(
            $"^User: arn:aws:sts::111111111111:assumed-role/auditor/{SessionName} is not authorized to perform: iam:ListUsers " +
            @"on resource: arn:aws:iam::111111111111:user/ because no identity-based policy allows the iam:ListUsers action$");
    }

    [Fact]
    public async Task A_profile_asking_for_fewer_than_900_seconds_fails_and_says_so_before_any_command_runs()
    {
        var result = await aws.RunAsync("iam", "list-users", "--profile", "quickaccess");

        result.ExitCode.Should().NotBe(0, result.Describe());
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain("Invalid value for parameter DurationSeconds, value: 899, valid min value: 900");
    }

    [Fact]
    public async Task Assume_role_allows_the_roles_twelve_hour_maximum_and_refuses_a_second_more()
    {
        var twelveHours = await aws.RunAsync("sts", "assume-role", "--profile", "dev", "--role-arn", StsEmulator.RoleArn("prodaccess"),
            "--role-session-name", "long-shift", "--duration-seconds", "43200");
        var beyond = await aws.RunAsync("sts", "assume-role", "--profile", "dev", "--role-arn", StsEmulator.RoleArn("prodaccess"),
            "--role-session-name", "longer-shift", "--duration-seconds", "43201");

        DateTimeOffset.Parse(twelveHours.ShouldSucceed().Json.Text("Credentials", "Expiration"))
            .Should().BeCloseTo(DateTimeOffset.UtcNow.AddHours(12), TimeSpan.FromMinutes(2));
        var error = beyond.ShouldFailWith("ValidationError");
        // AWS has echoed the value ("Value '43201' at …"); IAM no longer does, so either wording passes.
        error.Message.Should().MatchRegex(
            @"^1 validation error detected: Value (?:'43201' )?at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200$");
    }

    public void Dispose() => files.Dispose();
}
