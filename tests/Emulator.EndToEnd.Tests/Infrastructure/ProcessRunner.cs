using System.Diagnostics;
using System.Text;

namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>Runs a client program to completion, capturing its output; a hung program is killed (by its own PID) at the timeout.</summary>
public static class ProcessRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    public static async Task<CommandResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        Action<IDictionary<string, string?>> configureEnvironment,
        string? workingDirectory = null,
        TimeSpan? timeout = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        configureEnvironment(startInfo.Environment);
        var command = Describe(fileName, startInfo.ArgumentList);

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start `{command}`.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException(
                $"`{command}` did not finish within {(timeout ?? DefaultTimeout).TotalSeconds} s.\n--- stdout ---\n{await stdout}\n--- stderr ---\n{await stderr}");
        }

        return new CommandResult(command, process.ExitCode, await stdout, await stderr);
    }

    private static string Describe(string fileName, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { fileName }.Concat(arguments.Select(a => a.Length > 80 ? "<script>" : a.Contains(' ') ? $"'{a}'" : a)));
}
