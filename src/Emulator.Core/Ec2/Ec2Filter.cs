using System.Text.RegularExpressions;

namespace Emulator.Core.Ec2;

/// <summary>
/// One <c>Filter.N</c> of a Describe call: a name and the values any of which may match. Values may use
/// EC2's wildcards (<c>*</c> any run, <c>?</c> one character, <c>\</c> escapes them).
/// </summary>
public sealed record Ec2Filter(string Name, IReadOnlyList<string> Values)
{
    public bool Matches(string? candidate) => candidate is not null && Values.Any(v => Glob(v).IsMatch(candidate));

    public bool MatchesAny(IEnumerable<string> candidates) => candidates.Any(Matches);

    private static Regex Glob(string pattern)
    {
        var regex = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else
            {
                regex.Append(c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) });
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }
}
