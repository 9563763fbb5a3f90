namespace Emulator.Core.Ec2;

/// <summary>
/// The <c>Filter.N</c> names one Describe call understands, each reading the values of a described item; any other
/// name fails the whole call with InvalidParameterValue, as EC2 does. Filters combine with AND, the values of one
/// filter with OR, and values may use EC2's wildcards (<see cref="Ec2Filter"/>).
/// </summary>
public sealed class Ec2FilterSet<T>
{
    private readonly Dictionary<string, Func<T, IEnumerable<string?>>> fields = new(StringComparer.Ordinal);

    /// <param name="taggable">
    /// Whether the resource takes tags, so <c>tag:Key</c> and <c>tag-key</c> are valid names; the default network
    /// and the image catalog carry no tags, so such filters are accepted and match nothing.
    /// </param>
    public Ec2FilterSet(bool taggable, params (string Name, Func<T, IEnumerable<string?>> Values)[] fields)
    {
        Taggable = taggable;
        foreach (var (name, values) in fields)
        {
            this.fields[name] = values;
        }
    }

    public bool Taggable { get; }

    public IReadOnlyList<T> Apply(IEnumerable<T> items, IReadOnlyList<Ec2Filter> filters)
    {
        foreach (var filter in filters)
        {
            if (!fields.ContainsKey(filter.Name) && !(Taggable && IsTagFilter(filter.Name)))
            {
                throw Ec2Errors.InvalidParameterValue($"The filter '{filter.Name}' is invalid");
            }
        }

        return items.Where(item => filters.All(f => fields.TryGetValue(f.Name, out var values) && f.MatchesAny(values(item).OfType<string>()))).ToList();
    }

    private static bool IsTagFilter(string name) => name == "tag-key" || name.StartsWith("tag:", StringComparison.Ordinal);
}
