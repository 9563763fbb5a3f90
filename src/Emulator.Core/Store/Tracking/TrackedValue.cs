namespace Emulator.Core.Store.Tracking;

/// <summary>A single optional value of the state (an account alias, a region's metadata defaults) tracked like a table of one row.</summary>
public sealed class TrackedValue<T>(string kind, string scope, IRowCodec<T> codec) : ITrackedRows
    where T : class
{
    private const string OnlyKey = "";

    private T? value;

    public string Kind { get; } = kind;

    public string Scope { get; } = scope;

    public T? Value
    {
        get => value;
        set
        {
            ChangeSet.Current?.Touch(this, OnlyKey, this.value is not null, this.value);
            this.value = value;
        }
    }

    public IEnumerable<StateRow> AllRows() => value is null ? [] : [RowOf(OnlyKey)];

    public StateRow RowOf(string key) => new(Kind, Scope, OnlyKey, value is null ? null : codec.Encode(value));

    // Loading and undoing are not changes: they set the field, not the tracking property.
    public void Load(string key, string? document) => value = document is null ? null : codec.Decode(key, document, value);

    public void Restore(string key, bool existed, object? original) => value = existed ? (T?)original : null;
}
