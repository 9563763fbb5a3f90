using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real emulator server as a separate OS process on a free loopback port: optional seed file and
/// extra arguments, started and health-checked before any test runs, killed (by its PID, with its
/// process tree) on dispose. Hands out clients signed with the default root keys. With
/// <c>EMULATOR_SERVER_BINARY</c> set (the path of a Native AOT build), that executable is the server
/// instead of <c>dotnet Emulator.Server.dll</c>, so the same tests cover the binary users ship.
/// </summary>
public class EmulatorProcess : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The native server executable to test instead of the built assembly, when the variable names one.</summary>
    public static readonly string? ServerBinary = Environment.GetEnvironmentVariable("EMULATOR_SERVER_BINARY") is { Length: > 0 } binary
        ? Path.GetFullPath(binary)
        : null;

    private readonly string? seedJson;
    private readonly string[] extraArguments;
    private readonly ScratchDirectory scratch = new();
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly object outputLock = new();
    private Process? process;
    private bool disposed;

    /// <summary>Environment variables the server process gets besides the test run's own.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    public EmulatorProcess(string? seedJson = null, params string[] extraArguments)
    {
        this.seedJson = seedJson;
        this.extraArguments = extraArguments;
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var tokenAt = Array.IndexOf(extraArguments, "--admin-token");
        AdminToken = tokenAt >= 0 && tokenAt + 1 < extraArguments.Length ? extraArguments[tokenAt + 1] : null;
        if (AdminToken is not null)
        {
            Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminToken);
        }
    }

    /// <summary>
    /// A further listen address besides <see cref="Url"/> (e.g. <c>http://0.0.0.0:0</c>), to see how the
    /// server treats a non-loopback binding; nothing is sent to it.
    /// </summary>
    public string? AlsoListenOn { get; init; }

    /// <summary>The <c>--admin-token</c> the server was started with; <see cref="Http"/> sends it on every request.</summary>
    public string? AdminToken { get; }

    /// <summary>Base URL, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Url { get; private set; } = "";

    public int ProcessId => process?.Id ?? throw new InvalidOperationException("The emulator is not running.");

    public HttpClient Http { get; }

    /// <summary>Everything the server wrote to stdout so far, line by line as it arrived.</summary>
    public IReadOnlyList<string> StandardOutputLines
    {
        get
        {
            lock (outputLock)
            {
                return stdout.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
            }
        }
    }

    /// <summary>Everything the server printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (outputLock)
            {
                return $"--- server stdout ---\n{Tail(stdout)}\n--- server stderr ---\n{Tail(stderr)}";
            }
        }
    }

    /// <summary>Path of the server assembly built by the ProjectReference, run with <c>dotnet</c>.</summary>
    public static string ServerAssemblyPath
    {
        get
        {
            var path = typeof(Program).Assembly.Location;
            var runtimeConfig = Path.ChangeExtension(path, ".runtimeconfig.json");
            return File.Exists(runtimeConfig)
                ? path
                : throw new InvalidOperationException($"{runtimeConfig} is missing: the server cannot be started from {path}.");
        }
    }

    public static Task<EmulatorProcess> StartAsync(string? seedJson = null, params string[] extraArguments) =>
        StartAsync(new EmulatorProcess(seedJson, extraArguments));

    /// <summary>Starts the server with these environment variables set for it (and nothing else changed).</summary>
    public static Task<EmulatorProcess> StartWithEnvironmentAsync(IReadOnlyDictionary<string, string> variables, params string[] extraArguments) =>
        StartAsync(new EmulatorProcess(null, extraArguments) { Variables = variables });

    private static async Task<EmulatorProcess> StartAsync(EmulatorProcess emulator)
    {
        try
        {
            await emulator.InitializeAsync();
            return emulator;
        }
        catch
        {
            emulator.Dispose();
            throw;
        }
    }

    /// <summary>Starts the server expecting it to refuse to start; returns its exit code and output.</summary>
    public static async Task<CommandResult> RunUntilExitAsync(string? seedJson, params string[] extraArguments)
    {
        using var emulator = new EmulatorProcess(seedJson, extraArguments);
        emulator.Launch(FreePort());
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await emulator.process!.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The server did not exit within {StartTimeout.TotalSeconds} s.\n{emulator.Output}");
        }

        emulator.process.WaitForExit(); // flushes the asynchronous output readers
        lock (emulator.outputLock)
        {
            return new CommandResult($"{ServerBinary ?? "dotnet Emulator.Server.dll"} {string.Join(' ', emulator.extraArguments)}",
                emulator.process.ExitCode, emulator.stdout.ToString(), emulator.stderr.ToString());
        }
    }

    public async Task InitializeAsync()
    {
        // Another process may grab the free port between our probe and the server's bind: retry on a new port.
        for (var attempt = 1; ; attempt++)
        {
            Launch(FreePort());
            var started = await WaitUntilHealthyAsync();
            if (started)
            {
                return;
            }

            var exit = process is { HasExited: true } ? $"exited with code {process.ExitCode}" : "still running, killed";
            Stop();
            var output = Output;
            if (attempt < 3 && output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            throw new InvalidOperationException(
                $"The emulator at {Url} did not become healthy within {StartTimeout.TotalSeconds} s ({exit}).\n{output}");
        }
    }

    public AwsCli Cli(AwsCredentials? credentials = null, string? workingDirectory = null) =>
        new(Url, credentials ?? AwsCredentials.DefaultRoot, workingDirectory);

    public Boto3 Boto3(AwsCredentials? credentials = null) => new(Url, credentials ?? AwsCredentials.DefaultRoot);

    /// <summary>POST /_emulator/reset: back to the seeded state (admin writes must be application/json).</summary>
    public async Task ResetAsync()
    {
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync($"{Url}/_emulator/reset", content);
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the server answered {0}", await response.Content.ReadAsStringAsync());
    }

    public Task<JsonElement> HealthAsync() => GetJsonAsync("/_emulator/health");

    public Task<JsonElement> ClockAsync() => GetJsonAsync("/_emulator/clock");

    /// <summary>POST /_emulator/clock with a body such as <c>{"offsetSeconds": 3600}</c>; returns the clock's answer.</summary>
    public async Task<JsonElement> MoveClockAsync(string jsonBody)
    {
        using var content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync($"{Url}/_emulator/clock", content);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the server answered {0}", text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// SIGKILL to the server alone, as a power cut or the OOM killer would: no shutdown code runs. Waits until it is
    /// gone; the output stays readable and dispose stays safe.
    /// </summary>
    public void Crash()
    {
        var running = process ?? throw new InvalidOperationException("The emulator is not running.");
        running.Kill(entireProcessTree: false);
        running.WaitForExit();
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        Stop();
        Http.Dispose();
        scratch.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(Url + path);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the server answered {0}", text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private void Launch(int port)
    {
        Url = $"http://127.0.0.1:{port}";
        if (ServerBinary is not null && !File.Exists(ServerBinary))
        {
            throw new InvalidOperationException($"EMULATOR_SERVER_BINARY names {ServerBinary}, which does not exist.");
        }

        var startInfo = new ProcessStartInfo(ServerBinary ?? Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = scratch.Path,
        };
        if (ServerBinary is null)
        {
            startInfo.ArgumentList.Add(ServerAssemblyPath);
        }

        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add(AlsoListenOn is null ? Url : $"{Url};{AlsoListenOn}");
        if (seedJson is not null)
        {
            startInfo.ArgumentList.Add("--seed");
            startInfo.ArgumentList.Add(scratch.Write("seed.json", seedJson));
        }

        foreach (var argument in extraArguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS" })
        {
            startInfo.Environment.Remove(name);
        }

        foreach (var (name, value) in Variables)
        {
            startInfo.Environment[name] = value;
        }

        lock (outputLock)
        {
            stdout.Clear();
            stderr.Clear();
        }

        process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private async Task<bool> WaitUntilHealthyAsync()
    {
        var deadline = Stopwatch.StartNew();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        probe.DefaultRequestHeaders.Authorization = Http.DefaultRequestHeaders.Authorization;
        while (deadline.Elapsed < StartTimeout)
        {
            if (process!.HasExited)
            {
                process.WaitForExit();
                return false;
            }

            try
            {
                using var response = await probe.GetAsync($"{Url}/_emulator/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(PollInterval);
        }

        return false;
    }

    private void Stop()
    {
        if (process is null)
        {
            return;
        }

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
            // Already gone.
        }

        process.Dispose();
        process = null;
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (outputLock)
        {
            target.AppendLine(line);
        }
    }

    private static string Tail(StringBuilder text) =>
        text.Length <= 8000 ? text.ToString() : "…" + text.ToString(text.Length - 8000, 8000);

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
