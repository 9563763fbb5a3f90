namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs a Python script with boto3 against the emulator. The script gets a prelude: <c>iam</c>
/// (a client signed with the test's credentials), <c>client(service, key, secret)</c> for other
/// credentials, <c>error_of(call, **kwargs)</c> returning the AWS error as a dict (or None), <c>arg(name)</c>
/// for the variables the test passes, and <c>emit(value)</c> to print the result as JSON on stdout.
/// Without credentials, the default chain finds them (e.g. at a container endpoint named in the arguments'
/// variables). With a <see cref="FakeClock"/> the interpreter runs under libfaketime, so botocore's own
/// credential refresh sees the moved time.
/// </summary>
public sealed class Boto3(string endpointUrl, AwsCredentials? credentials)
{
    private const string Prelude = """
        import json, os, sys, urllib.parse
        import boto3
        from botocore.config import Config
        from botocore.exceptions import ClientError

        ENDPOINT = os.environ["EMULATOR_URL"]

        def client(service="iam", access_key=None, secret_key=None):
            keys = {} if access_key is None else {"aws_access_key_id": access_key, "aws_secret_access_key": secret_key}
            return boto3.session.Session().client(service, endpoint_url=ENDPOINT, region_name="us-east-1",
                config=Config(retries={"total_max_attempts": 1}), **keys)

        iam = client()

        def error_of(call, **kwargs):
            try:
                call(**kwargs)
            except ClientError as e:
                return {"Code": e.response["Error"]["Code"], "Message": e.response["Error"].get("Message"),
                        "Status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
            return None

        def arg(name):
            return os.environ["ARG_" + name]

        def emit(value):
            print(json.dumps(value, default=str))

        """;

    public Task<CommandResult> RunAsync(string script, IReadOnlyDictionary<string, string>? arguments = null) =>
        RunAsync(script, arguments, new Dictionary<string, string>(), null);

    /// <summary>
    /// Runs the script with further environment <paramref name="variables"/> (set after the isolation, e.g.
    /// AWS_CONTAINER_CREDENTIALS_FULL_URI) and, when <paramref name="clock"/> is given, under that fake clock.
    /// </summary>
    public Task<CommandResult> RunAsync(string script, IReadOnlyDictionary<string, string>? arguments, IReadOnlyDictionary<string, string> variables, FakeClock? clock) =>
        ProcessRunner.RunAsync(
            "python3",
            ["-c", Prelude + script],
            environment =>
            {
                if (credentials is null)
                {
                    IsolatedAwsEnvironment.ApplyWithoutKeys(environment, endpointUrl, variables);
                }
                else
                {
                    IsolatedAwsEnvironment.Apply(environment, credentials, endpointUrl);
                    foreach (var (name, value) in variables)
                    {
                        environment[name] = value;
                    }
                }

                foreach (var (name, value) in arguments ?? new Dictionary<string, string>())
                {
                    environment["ARG_" + name] = value;
                }

                clock?.Apply(environment);
            });
}
