using Emulator.SdkClients.Dotnet;

namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs tests/Emulator.SdkClients.Dotnet (the AWS SDK for .NET v4's default credential chain, then STS
/// GetCallerIdentity) as a child process in an isolated environment without keys plus the test's variables:
/// the SDK's container and instance-profile providers are process-wide, so each scenario gets a process.
/// </summary>
public static class DotnetSdkClient
{
    /// <summary>The client's assembly, built and copied beside the tests by the project reference.</summary>
    public static string AssemblyPath { get; } = typeof(CallerIdentityClient).Assembly.Location;

    /// <param name="instanceId">When given, the client also describes that instance with EC2 and reports its profile ARN.</param>
    public static Task<CommandResult> GetCallerIdentityAsync(string endpointUrl, IReadOnlyDictionary<string, string> variables, string? instanceId = null) =>
        ProcessRunner.RunAsync(
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            instanceId is null ? [AssemblyPath, "--endpoint", endpointUrl] : [AssemblyPath, "--endpoint", endpointUrl, "--instance", instanceId],
            environment => IsolatedAwsEnvironment.ApplyWithoutKeys(environment, endpointUrl, variables));
}
