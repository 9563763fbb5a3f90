using System.Text.Json;

namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>What a user sees after running a client: exit code, stdout and stderr.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Exit codes of the AWS CLI for a service error: 255 in v1, 254 in v2.</summary>
    public static readonly int[] ServiceErrorExitCodes = [254, 255];

    /// <summary>Stdout parsed as JSON (a detached copy, safe to keep).</summary>
    public JsonElement Json
    {
        get
        {
            try
            {
                using var document = JsonDocument.Parse(Stdout);
                return document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"stdout of `{Command}` is not JSON ({e.Message}).\n{Describe()}", e);
            }
        }
    }

    /// <summary>The service error line on stderr; fails with the whole output when there is none.</summary>
    public CliError Error => CliError.TryParse(Stderr)
        ?? throw new InvalidOperationException($"`{Command}` printed no AWS service error.\n{Describe()}");

    /// <summary>Asserts exit code 0 (showing stderr when not) and returns the result for chaining.</summary>
    public CommandResult ShouldSucceed()
    {
        ExitCode.Should().Be(0, "`{0}` should succeed.\n{1}", Command, Describe());
        return this;
    }

    /// <summary>Asserts a service error from the CLI: the CLI's error exit code and the AWS code on stderr.</summary>
    public CliError ShouldFailWith(string code)
    {
        ExitCode.Should().BeOneOf(ServiceErrorExitCodes, "`{0}` should fail with a service error.\n{1}", Command, Describe());
        var error = Error;
        error.Code.Should().Be(code, "`{0}` printed: {1}", Command, Stderr);
        return error;
    }

    public string Describe() => $"exit code {ExitCode}\n--- stdout ---\n{Truncate(Stdout)}\n--- stderr ---\n{Truncate(Stderr)}";

    private static string Truncate(string text) => text.Length <= 4000 ? text : text[..4000] + "…";
}
