using System.Diagnostics;
using System.Text;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Hostile;

/// <summary>
/// The server the hostile corpus runs against: one process for all cases, reset (state and clock)
/// after each case, and started again if a case brought it down, so one crash fails one case only.
/// </summary>
public sealed class HostileEmulator : IAsyncLifetime
{
    public EmulatorProcess Server { get; private set; } = null!;

    public Uri Url => new(Server.Url);

    public async Task InitializeAsync() => Server = await EmulatorProcess.StartAsync();

    public Task DisposeAsync()
    {
        Server.Dispose();
        return Task.CompletedTask;
    }

    public bool IsRunning
    {
        get
        {
            try
            {
                using var process = Process.GetProcessById(Server.ProcessId);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }

    /// <summary>Starts a new server when the previous one has exited; returns what the dead one printed.</summary>
    public async Task<string?> EnsureRunningAsync()
    {
        if (IsRunning)
        {
            return null;
        }

        var output = Server.Output;
        Server.Dispose();
        Server = await EmulatorProcess.StartAsync();
        return output;
    }

    /// <summary>
    /// Back to the real clock and the seeded state, as the next case expects. Returns what went wrong
    /// when the server cannot be reset (it is then replaced by a new one), else null.
    /// </summary>
    public async Task<string?> ResetAsync()
    {
        // The clock first: a clock moved out of range fails every later request, reset included.
        foreach (var (path, body) in new[] { ("/_emulator/clock", """{"reset": true}"""), ("/_emulator/reset", "") })
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await Server.Http.PostAsync(Server.Url + path, content);
            if (!response.IsSuccessStatusCode)
            {
                var failure = $"POST {path} after the case answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{Server.Output}";
                Server.Dispose();
                Server = await EmulatorProcess.StartAsync();
                return failure;
            }
        }

        return null;
    }
}
