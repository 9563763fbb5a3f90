namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The AWS CLI as a user runs it with named profiles: credentials and role profiles (<c>role_arn</c>,
/// <c>source_profile</c>, …) in <c>~/.aws/credentials</c> and <c>~/.aws/config</c> under a home directory
/// of the test's own, picked with <c>--profile</c>; no keys in the environment. The home directory also
/// keeps the CLI's cache of assumed-role credentials (<c>~/.aws/cli/cache</c>) away from the real one,
/// whose entries from an earlier server would otherwise be reused. Otherwise isolated like <see cref="AwsCli"/>.
/// </summary>
public sealed class AwsCliWithProfiles(string endpointUrl, string homeDirectory)
{
    public string ConfigFile => Path.Combine(homeDirectory, ".aws", "config");

    public string CredentialsFile => Path.Combine(homeDirectory, ".aws", "credentials");

    /// <summary>Writes <c>~/.aws/config</c> and <c>~/.aws/credentials</c>, as <c>aws configure</c> or an editor would.</summary>
    public AwsCliWithProfiles WithFiles(string config, string credentials)
    {
        Directory.CreateDirectory(Path.Combine(homeDirectory, ".aws"));
        File.WriteAllText(ConfigFile, config);
        File.WriteAllText(CredentialsFile, credentials);
        return this;
    }

    public Task<CommandResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(
            "aws",
            new[] { "--endpoint-url", endpointUrl, "--output", "json" }.Concat(arguments),
            environment =>
            {
                IsolatedAwsEnvironment.Apply(environment, AwsCredentials.DefaultRoot, endpointUrl);
                environment.Remove("AWS_ACCESS_KEY_ID");
                environment.Remove("AWS_SECRET_ACCESS_KEY");
                environment.Remove("AWS_SESSION_TOKEN");
                environment["HOME"] = homeDirectory;
                environment["AWS_CONFIG_FILE"] = ConfigFile;
                environment["AWS_SHARED_CREDENTIALS_FILE"] = CredentialsFile;

                // --endpoint-url reaches only the command's own client; the STS client that assumes a
                // profile's role reads the configured endpoint, so it too must stay on the emulator.
                environment["AWS_ENDPOINT_URL"] = endpointUrl;
            });
}
