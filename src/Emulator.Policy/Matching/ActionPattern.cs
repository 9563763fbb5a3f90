namespace Emulator.Policy;

/// <summary>One <c>Action</c>/<c>NotAction</c> entry, lower-cased and split at its colon when compiled.</summary>
/// <remarks>
/// IAM compares actions case-insensitively (<c>IAM:getrole</c> is <c>iam:GetRole</c>). Splitting into
/// service prefix and action name lets most patterns fail on the prefix alone.
/// </remarks>
internal sealed class ActionPattern
{
    private readonly GlobPattern? _servicePrefix;
    private readonly GlobPattern _name;

    public ActionPattern(string pattern)
    {
        Text = pattern;
        var colon = pattern.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            // Only the bare "*" passes validation without a colon; anything else is matched whole.
            _name = GlobPattern.CaseInsensitive(pattern);
        }
        else
        {
            _servicePrefix = GlobPattern.CaseInsensitive(pattern[..colon]);
            _name = GlobPattern.CaseInsensitive(pattern[(colon + 1)..]);
        }
    }

    public string Text { get; }

    public bool Matches(ReadOnlySpan<char> action)
    {
        if (_servicePrefix is null)
        {
            return _name.Matches(action);
        }

        var colon = action.IndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        return _servicePrefix.Matches(action[..colon]) && _name.Matches(action[(colon + 1)..]);
    }
}
