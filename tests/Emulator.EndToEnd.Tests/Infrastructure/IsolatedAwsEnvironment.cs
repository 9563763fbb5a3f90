namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The environment a client runs in: only the credentials the test gives, us-east-1, no config or
/// credentials files, no instance metadata lookups, no pager, no retries (a server error shows at once),
/// and no proxy between the client and the loopback server.
/// </summary>
public static class IsolatedAwsEnvironment
{
    public static void Apply(IDictionary<string, string?> environment, AwsCredentials credentials, string endpointUrl)
    {
        ApplyWithoutKeys(environment, endpointUrl);
        environment["AWS_ACCESS_KEY_ID"] = credentials.AccessKeyId;
        environment["AWS_SECRET_ACCESS_KEY"] = credentials.SecretAccessKey;
        if (credentials.SessionToken is not null)
        {
            environment["AWS_SESSION_TOKEN"] = credentials.SessionToken;
        }
    }

    /// <summary>
    /// The same isolation with no keys at all, for clients whose default chain must find credentials elsewhere
    /// (a container endpoint), plus the test's own <paramref name="variables"/>.
    /// </summary>
    public static void ApplyWithoutKeys(IDictionary<string, string?> environment, string endpointUrl, IReadOnlyDictionary<string, string>? variables = null)
    {
        foreach (var name in environment.Keys.Where(IsInherited).ToList())
        {
            environment.Remove(name);
        }

        environment["AWS_DEFAULT_REGION"] = "us-east-1";
        environment["AWS_REGION"] = "us-east-1";
        environment["AWS_CONFIG_FILE"] = "/dev/null";
        environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        environment["AWS_EC2_METADATA_DISABLED"] = "true";
        environment["AWS_PAGER"] = "";
        environment["AWS_RETRY_MODE"] = "standard";
        environment["AWS_MAX_ATTEMPTS"] = "1";
        environment["NO_PROXY"] = "127.0.0.1,localhost";
        environment["no_proxy"] = "127.0.0.1,localhost";
        environment["PYTHONIOENCODING"] = "utf-8";
        environment["PYTHONDONTWRITEBYTECODE"] = "1";
        environment["EMULATOR_URL"] = endpointUrl;
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }
    }

    private static bool IsInherited(string name) =>
        name.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("BOTO_", StringComparison.OrdinalIgnoreCase)
        || name.Equals("HTTP_PROXY", StringComparison.OrdinalIgnoreCase)
        || name.Equals("HTTPS_PROXY", StringComparison.OrdinalIgnoreCase)
        || name.Equals("ALL_PROXY", StringComparison.OrdinalIgnoreCase);
}
