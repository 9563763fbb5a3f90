using System.Text;
using Xunit.Abstractions;

namespace Emulator.EndToEnd.Tests.Hostile;

/// <summary>
/// Every case of the hostile-input corpus (corpus.jsonl) against the real server process: each is
/// answered with an AWS-shaped 4xx — status 400–499, an x-amzn-RequestId header and, for the AWS API,
/// an ErrorResponse whose RequestId is that header (for /_emulator, a JSON body with an error string).
/// Never a 500, an empty body or a dropped connection. Cases run one after another on one server.
/// </summary>
public sealed class HostileInputCorpusTests(HostileEmulator emulator, ITestOutputHelper output) : IClassFixture<HostileEmulator>
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    public static TheoryData<string> CaseIds => new(HostileCase.All.Keys);

    [Fact]
    public void The_corpus_holds_at_least_420_cases_covering_every_category()
    {
        HostileCase.All.Should().HaveCountGreaterThanOrEqualTo(420);
        HostileCase.All.Values.Select(c => c.Category).Distinct().Should().BeEquivalentTo(
            "percent-encoding", "invalid-utf8", "control-chars", "malformed-jwt", "integer-overflow", "huge-counts",
            "duplicate-keys", "wrong-types", "deep-json", "admin", "unknown-service", "http-method", "ec2");
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public async Task Hostile_input_is_answered_with_an_AWS_shaped_4xx(string id)
    {
        var hostile = HostileCase.All[id];
        await emulator.EnsureRunningAsync();
        var problems = new List<string>();
        RawHttpResponse? response = null;
        try
        {
            response = await SendAsync(hostile.Request);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or OperationCanceledException)
        {
            problems.Add($"no complete response: {e.Message}");
        }

        if (!emulator.IsRunning)
        {
            problems.Add($"the server process exited:\n{await emulator.EnsureRunningAsync()}");
        }
        else
        {
            if (response is { Status: >= 500 })
            {
                // The server logs asynchronously: give its error a moment to reach the captured output.
                await Task.Delay(TimeSpan.FromMilliseconds(300));
                problems.Add($"server log: {LastError(emulator.Server.Output)}");
            }

            if (await emulator.ResetAsync() is { } resetFailure)
            {
                problems.Add($"the server could not be reset afterwards: {resetFailure}");
            }
        }

        output.WriteLine(response?.Describe() ?? "no response");
        if (response is not null)
        {
            problems.InsertRange(0, HostileAnswer.Problems(hostile, response));
        }

        problems.Should().BeEmpty("{0} was answered {1}", hostile, response?.Describe() ?? "with nothing");
    }

    /// <summary>The server's last logged error with its stack, which for a 5xx is the one this case caused.</summary>
    private static string LastError(string output)
    {
        var start = output.LastIndexOf(" ERR] ", StringComparison.Ordinal);
        return start < 0 ? output : output[start..Math.Min(output.Length, start + 2500)];
    }

    private Task<RawHttpResponse> SendAsync(HostileRequest template)
    {
        var now = DateTimeOffset.UtcNow;
        var request = template.At(now);
        var headers = request.Sign
            ? RawRequestSigner.Sign(emulator.Url, request.Method, Encoding.Latin1.GetString(request.Target), request.Headers, request.Body, now, request.SignService, request.SignRegion)
            : request.Headers.ToList();
        return RawHttp.SendAsync(emulator.Url, request.Method, request.Target, headers, request.Body, RequestTimeout);
    }
}
