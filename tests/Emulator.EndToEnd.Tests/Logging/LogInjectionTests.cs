using System.Diagnostics;
using System.Net;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Logging;

/// <summary>The server's console log cannot be forged or garbled by what a client sends, nor leak presigned URLs.</summary>
public sealed class LogInjectionTests
{
    private const string Marker = "FORGED-7f3a";

    [Fact]
    public async Task An_Action_with_a_line_break_and_a_fake_log_line_stays_on_one_escaped_line()
    {
        using var emulator = await EmulatorProcess.StartAsync();
        var forged = $"[12:00:00 INF] iam:DeleteRole by arn:aws:iam::123456789012:root Allow -> 200 in 0.1 ms {Marker}";
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = $"GetUser\n{forged}\r\n\u001b[2K\u2028{Marker}-end",
            ["Version"] = "2010-05-08",
        });

        using var response = await emulator.Http.PostAsync(emulator.Url + "/", form);
        var lines = await WaitForLinesContaining(emulator, Marker);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "an unsigned call is MissingAuthenticationToken");
        lines.Should().ContainSingle("the whole Action belongs to the one line the server logs for the call.\n{0}", emulator.Output);
        lines[0].Should().Contain("iam:GetUser\\n[12:00:00 INF] iam:DeleteRole").And.Contain("\\r\\n\\u001B[2K\\u2028" + Marker + "-end")
            .And.Contain("anonymous");
        emulator.StandardOutputLines.Should().NotContain(line => line.StartsWith("[12:00:00 INF] iam:DeleteRole", StringComparison.Ordinal));
        string.Concat(emulator.StandardOutputLines).Should().NotContainAny("\u001b", "\u2028", "\r");
    }

    [Fact]
    public async Task Presigned_URL_credentials_never_reach_the_log_even_when_every_level_is_asked_for()
    {
        using var emulator = await EmulatorProcess.StartAsync(null, "--log-level", "Verbose",
            "--Serilog:MinimumLevel:Override:Microsoft=Verbose", "--Serilog:MinimumLevel:Override:Microsoft.AspNetCore=Verbose");
        const string secret = "SECRET-TOKEN-5c1e";

        using var presigned = await emulator.Http.GetAsync(
            $"{emulator.Url}/?Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Security-Token={secret}&X-Amz-Signature={secret}");
        using var after = await emulator.Http.GetAsync($"{emulator.Url}/?Action={Marker}-after");
        await WaitForLinesContaining(emulator, Marker + "-after"); // the console keeps the order of events

        emulator.StandardOutputLines.Should().NotContain(line => line.Contains(secret, StringComparison.Ordinal),
            "ASP.NET Core's request lines (full URLs) stay below its pinned Warning level.\n{0}", emulator.Output);
    }

    /// <summary>The console is written by a background thread: give the line a moment to arrive.</summary>
    private static async Task<IReadOnlyList<string>> WaitForLinesContaining(EmulatorProcess emulator, string text)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var lines = emulator.StandardOutputLines.Where(line => line.Contains(text, StringComparison.Ordinal)).ToList();
            if (lines.Count > 0 || waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                // Once one line is there, anything forged from the same event is there too (one console write per event).
                await Task.Delay(200);
                return emulator.StandardOutputLines.Where(line => line.Contains(text, StringComparison.Ordinal)).ToList();
            }

            await Task.Delay(50);
        }
    }
}
