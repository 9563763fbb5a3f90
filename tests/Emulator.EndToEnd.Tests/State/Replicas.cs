using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.State;

/// <summary>
/// Two servers on two ports sharing one PostgreSQL database, started at the same time as a deployment would start
/// them; <see cref="Script"/> runs boto3 with clients for both.
/// </summary>
public sealed class Replicas : IAsyncDisposable
{
    /// <summary>
    /// Prepended to every replica script: <c>A</c> and <c>B</c> are the replicas' URLs, <c>at(url, service, key,
    /// secret, token)</c> a client of either (the root keys when no key is given).
    /// </summary>
    public const string Prelude = """
        A, B = arg("a"), arg("b")

        def at(url, service="iam", key=None, secret=None, token=None):
            keys = {} if key is None else {"aws_access_key_id": key, "aws_secret_access_key": secret, "aws_session_token": token}
            return boto3.session.Session().client(service, endpoint_url=url, region_name="us-east-1",
                config=Config(retries={"total_max_attempts": 1}, max_pool_connections=20), **keys)

        def code_of(call, **kwargs):
            error = error_of(call, **kwargs)
            return "ok" if error is None else error["Code"]

        """;

    private Replicas(EmulatorProcess a, EmulatorProcess b)
    {
        A = a;
        B = b;
    }

    public EmulatorProcess A { get; }

    public EmulatorProcess B { get; }

    public static async Task<Replicas> StartAsync(string database)
    {
        var starting = new[] { EmulatorProcess.StartAsync(null, "--state", database), EmulatorProcess.StartAsync(null, "--state", database) };
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                started.Result.Dispose();
            }

            throw;
        }

        return new Replicas(starting[0].Result, starting[1].Result);
    }

    /// <summary>Runs a boto3 script with <see cref="Prelude"/> and the arguments, signed with the root keys.</summary>
    public async Task<CommandResult> Script(string script, IReadOnlyDictionary<string, string>? arguments = null)
    {
        var all = new Dictionary<string, string>(arguments ?? new Dictionary<string, string>()) { ["a"] = A.Url, ["b"] = B.Url };
        var result = await A.Boto3().RunAsync(Prelude + script, all);
        result.ExitCode.Should().Be(0, "the script should run to its end.\n{0}\n--- replica A ---\n{1}\n--- replica B ---\n{2}",
            result.Describe(), A.Output, B.Output);
        return result;
    }

    public ValueTask DisposeAsync()
    {
        A.Dispose();
        B.Dispose();
        return ValueTask.CompletedTask;
    }
}
