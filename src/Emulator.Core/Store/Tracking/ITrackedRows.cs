namespace Emulator.Core.Store.Tracking;

/// <summary>A collection of state rows of one kind in one scope, which a change set can undo and a durable store can write and load.</summary>
public interface ITrackedRows
{
    /// <summary>What the rows hold (<c>role</c>, <c>instance</c>, …): the durable stores' first key column.</summary>
    string Kind { get; }

    /// <summary>Where they live: empty for global rows, the account id, or <c>account/region</c> for EC2.</summary>
    string Scope { get; }

    /// <summary>Every row as it is now.</summary>
    IEnumerable<StateRow> AllRows();

    /// <summary>One row as it is now; a row that does not exist is a tombstone (null document).</summary>
    StateRow RowOf(string key);

    /// <summary>Sets a row from its stored document (null: removes it) without tracking: loading, not changing.</summary>
    void Load(string key, string? document);

    /// <summary>Undoes a change: the row existed with <paramref name="value"/>, or did not exist.</summary>
    void Restore(string key, bool existed, object? value);
}
