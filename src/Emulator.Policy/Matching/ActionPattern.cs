namespace Emulator.Policy;

/// <summary>One <c>Action</c>/<c>NotAction</c> entry, lower-cased and split at its colon when compiled.</summary>
/// <remarks>
/// IAM compares actions case-insensitively (<c>IAM:getrole</c> is <c>iam:GetRole</c>). Both sides are lower-cased
/// (the pattern here, the request once per evaluation), and splitting into service prefix and action name lets most
/// patterns fail on the prefix alone: <c>ec2</c> against <c>iam</c> is a three-character comparison.
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
            _name = GlobPattern.LowerCased(pattern);
        }
        else
        {
            _servicePrefix = GlobPattern.LowerCased(pattern[..colon]);
            _name = GlobPattern.LowerCased(pattern[(colon + 1)..]);
        }
    }

    public string Text { get; }

    /// <summary>The lower-cased service prefix when it has no wildcard (<c>iam</c> in <c>iam:Get*</c>), else null.</summary>
    public string? LiteralService => _servicePrefix is { IsLiteral: true } ? _servicePrefix.ToString() : null;

    /// <summary>For callers outside the evaluator's loop: lower-cases <paramref name="action"/> first.</summary>
    public bool Matches(string action)
    {
        Span<char> buffer = action.Length <= RequestedAction.StackLength ? stackalloc char[RequestedAction.StackLength] : new char[action.Length];
        return Matches(RequestedAction.Lower(action, buffer));
    }

    public bool Matches(in RequestedAction action)
    {
        if (_servicePrefix is null)
        {
            return _name.Matches(action.Lowered);
        }

        return action.Colon >= 0 && _servicePrefix.Matches(action.Service) && _name.Matches(action.Name);
    }
}
