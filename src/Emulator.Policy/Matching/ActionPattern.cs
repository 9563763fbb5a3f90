namespace Emulator.Policy;

/// <summary>One <c>Action</c>/<c>NotAction</c> entry, lower-cased and split at its colon when compiled.</summary>
/// <remarks>
/// IAM compares actions case-insensitively (<c>IAM:getrole</c> is <c>iam:GetRole</c>). Both sides are lower-cased
/// (the pattern here, the request once per evaluation). A literal service prefix gets its number in the policy's
/// <see cref="ServiceTable"/>, so most patterns pass or fail on one integer comparison before the name is read.
/// </remarks>
internal sealed class ActionPattern
{
    private readonly GlobPattern? _servicePrefix;
    private readonly GlobPattern _name;
    private readonly bool _nameMatchesEverything;

    /// <summary>The literal service's number in the policy's table, or <see cref="ServiceTable.Absent"/> (compare text).</summary>
    private readonly int _serviceNumber = ServiceTable.Absent;

    /// <param name="services">The policy's service numbering; null outside a compiled policy.</param>
    public ActionPattern(string pattern, ServiceTable.Builder? services = null)
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
            if (_servicePrefix.IsLiteral && services is not null)
            {
                _serviceNumber = services.NumberFor(_servicePrefix.ToString());
            }
        }

        _nameMatchesEverything = _name.MatchesEverything;
    }

    public string Text { get; }

    /// <summary>The literal service's number in the policy's <see cref="ServiceTable"/>, or <see cref="ServiceTable.Absent"/>.</summary>
    public int ServiceNumber => _serviceNumber;

    /// <summary>For callers outside the evaluator's loop: lower-cases <paramref name="action"/> first.</summary>
    public bool Matches(string action)
    {
        Span<char> buffer = action.Length <= RequestedAction.StackLength ? stackalloc char[RequestedAction.StackLength] : new char[action.Length];
        return Matches(RequestedAction.Lower(action, buffer), ServiceTable.Unresolved);
    }

    /// <param name="serviceNumber">The request's service number in this pattern's policy, or <see cref="ServiceTable.Unresolved"/>.</param>
    public bool Matches(in RequestedAction action, int serviceNumber)
    {
        if (_servicePrefix is null)
        {
            return _name.Matches(action.Lowered);
        }

        if (action.Colon < 0)
        {
            return false;
        }

        var serviceMatches = _serviceNumber >= 0 && serviceNumber != ServiceTable.Unresolved
            ? _serviceNumber == serviceNumber
            : _servicePrefix.Matches(action.Service);
        return serviceMatches && (_nameMatchesEverything || _name.Matches(action.Name));
    }
}
