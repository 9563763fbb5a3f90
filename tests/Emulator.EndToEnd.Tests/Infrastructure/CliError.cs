using System.Text.RegularExpressions;

namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The service error the AWS CLI prints on stderr:
/// <c>An error occurred (NoSuchEntity) when calling the GetRole operation: The role with name x cannot be found.</c>
/// </summary>
public sealed partial record CliError(string Code, string Operation, string Message)
{
    public static CliError? TryParse(string stderr)
    {
        var match = ErrorLine().Match(stderr);
        return match.Success
            ? new CliError(match.Groups["code"].Value, match.Groups["operation"].Value, match.Groups["message"].Value.TrimEnd())
            : null;
    }

    [GeneratedRegex(@"An error occurred \((?<code>[^)]+)\) when calling the (?<operation>\w+) operation(?: \(reached max retries: \d+\))?: (?<message>[^\r\n]*)")]
    private static partial Regex ErrorLine();
}
