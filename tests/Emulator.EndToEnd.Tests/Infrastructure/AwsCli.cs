namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The AWS CLI as a user runs it: <c>aws --endpoint-url URL --output json ARGS</c> in an isolated
/// environment, from a working directory where relative <c>file://</c> documents resolve.
/// </summary>
public sealed class AwsCli(string endpointUrl, AwsCredentials credentials, string? workingDirectory = null)
{
    public AwsCredentials Credentials => credentials;

    public AwsCli As(AwsCredentials other) => new(endpointUrl, other, workingDirectory);

    public AwsCli In(string directory) => new(endpointUrl, credentials, directory);

    public Task<CommandResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(
            "aws",
            new[] { "--endpoint-url", endpointUrl, "--output", "json" }.Concat(arguments),
            environment => IsolatedAwsEnvironment.Apply(environment, credentials, endpointUrl),
            workingDirectory);
}
