namespace Emulator.Policy;

/// <summary>
/// <c>Action</c>/<c>Resource</c> and their negations: a string or an array. IAM treats the two forms
/// differently in a few checks (an empty array is "missing", an empty string is not), so the form is kept.
/// </summary>
internal sealed record RawStringList(bool IsArray, IReadOnlyList<string?> Items)
{
    /// <summary>The items with JSON nulls dropped (IAM skips them).</summary>
    public IReadOnlyList<string> Present()
    {
        var present = new List<string>(Items.Count);
        foreach (var item in Items)
        {
            if (item is not null)
            {
                present.Add(item);
            }
        }

        return present;
    }
}
