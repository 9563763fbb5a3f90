using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.State;

/// <summary>
/// crash_driver.py as a child process against one server: it verifies the lines of earlier rounds, sets up, prints
/// <c>{"ready": true}</c> and writes from several threads until the server is gone, one JSON line per attempt and
/// per acknowledged write, flushed at once. It is started before the server (Python and boto3 load meanwhile) and
/// told the server's URL with <see cref="Connect"/>. Lines are collected as they arrive, so the test can time the
/// kill from the writers' first acknowledged write.
/// </summary>
public sealed class CrashDriver : IDisposable
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "State", "crash_driver.py");

    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly StringBuilder stderr = new();
    private readonly object gate = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource writerAcknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CrashDriver(Process process)
    {
        this.process = process;
    }

    /// <summary>
    /// Starts round <paramref name="mode"/> (a number), <c>verify</c> or <c>final</c>, checking the lines in
    /// <paramref name="verifyFile"/> (or <c>-</c>); <c>final</c> also checks <paramref name="allRoundsFile"/> from the listings.
    /// </summary>
    public static CrashDriver Start(string mode, string verifyFile, string? allRoundsFile = null)
    {
        var startInfo = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        startInfo.ArgumentList.Add(Script);
        startInfo.ArgumentList.Add(mode);
        startInfo.ArgumentList.Add(verifyFile);
        if (allRoundsFile is not null)
        {
            startInfo.ArgumentList.Add(allRoundsFile);
        }
        IsolatedAwsEnvironment.Apply(startInfo.Environment, AwsCredentials.DefaultRoot, "(sent on stdin)");

        var driver = new CrashDriver(new Process { StartInfo = startInfo });
        driver.process.OutputDataReceived += (_, e) => driver.OnLine(e.Data);
        driver.process.ErrorDataReceived += (_, e) => driver.OnError(e.Data);
        driver.process.Start();
        driver.process.BeginOutputReadLine();
        driver.process.BeginErrorReadLine();
        return driver;
    }

    /// <summary>Tells the driver the server's URL; it starts verifying and writing.</summary>
    public void Connect(string endpointUrl)
    {
        process.StandardInput.WriteLine(endpointUrl);
        process.StandardInput.Close();
    }

    /// <summary>Completes when the writers start; fails when the driver exits first.</summary>
    public Task WaitUntilReadyAsync(TimeSpan timeout) => WaitForAsync(ready.Task, "its writers started", timeout);

    /// <summary>Completes at the first write a writer got acknowledged; fails when the driver exits first.</summary>
    public Task WaitForFirstWriterAcknowledgementAsync(TimeSpan timeout) => WaitForAsync(writerAcknowledged.Task, "a writer's first acknowledged write", timeout);

    /// <summary>Waits for the driver to finish and returns every line it printed, parsed.</summary>
    public async Task<IReadOnlyList<JsonElement>> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"crash_driver.py did not finish within {timeout.TotalSeconds} s.\n{Describe()}");
        }

        process.WaitForExit(); // flushes the asynchronous readers
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"crash_driver.py exited with code {process.ExitCode}.\n{Describe()}");
        }

        lock (gate)
        {
            return lines.Select(Parse).ToList();
        }
    }

    /// <summary>The raw lines so far, to keep for the next round's verification.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (gate)
            {
                return [.. lines];
            }
        }
    }

    public string Describe()
    {
        lock (gate)
        {
            var tail = lines.Count <= 20 ? lines : lines.Skip(lines.Count - 20);
            return $"--- last stdout lines of {lines.Count} ---\n{string.Join('\n', tail)}\n--- stderr ---\n{stderr}";
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (gate)
        {
            lines.Add(line);
        }

        if (line.Contains("\"ready\": true", StringComparison.Ordinal))
        {
            ready.TrySetResult();
        }
        else if (ready.Task.IsCompleted && line.Contains("\"ack\":", StringComparison.Ordinal))
        {
            writerAcknowledged.TrySetResult();
        }
    }

    private async Task WaitForAsync(Task awaited, string what, TimeSpan timeout)
    {
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(awaited, exited, Task.Delay(timeout));
        if (first != awaited)
        {
            throw new InvalidOperationException(
                $"crash_driver.py {(first == exited ? "exited" : "waited " + timeout.TotalSeconds + " s")} before {what}.\n{Describe()}");
        }
    }

    private void OnError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            stderr.AppendLine(line);
        }
    }

    private static JsonElement Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"crash_driver.py printed a line that is not JSON: {line}", e);
        }
    }
}
