namespace Emulator.Core.Store.Tracking;

/// <summary>
/// The rows one store write touched, each with the value it had before: a write that throws is undone
/// whole (atomic by construction, not by the convention of validating first), and a write that returns
/// hands exactly these rows to a durable store. One change set per thread, entered by the store.
/// </summary>
public sealed class ChangeSet
{
    [ThreadStatic]
    private static ChangeSet? current;

    private readonly Dictionary<(ITrackedRows Rows, string Key), Original> originals = [];
    private readonly List<(ITrackedRows Rows, string Key)> order = [];
    private int depth;

    /// <summary>The change set of the write running on this thread, or null outside a write.</summary>
    public static ChangeSet? Current => current;

    public bool IsEmpty => order.Count == 0;

    /// <summary>
    /// Runs a change with its rows tracked; a change that throws is undone whole. A change inside a change
    /// joins the outer one: <paramref name="completed"/> is the finished set only for the outermost.
    /// </summary>
    public static T Run<T>(Func<T> change, out ChangeSet? completed)
    {
        var changes = current ??= new ChangeSet();
        changes.depth++;
        T result;
        try
        {
            result = change();
        }
        catch
        {
            if (changes.Exit())
            {
                changes.Undo();
            }

            throw;
        }

        completed = changes.Exit() ? changes : null;
        return result;
    }

    private bool Exit()
    {
        if (--depth > 0)
        {
            return false;
        }

        current = null;
        return true;
    }

    /// <summary>Remembers a row's value before its first change in this write.</summary>
    public void Touch(ITrackedRows rows, string key, bool existed, object? value)
    {
        if (originals.TryAdd((rows, key), new Original(existed, value)))
        {
            order.Add((rows, key));
        }
    }

    /// <summary>Puts every touched row back as it was, newest change first.</summary>
    public void Undo()
    {
        for (var index = order.Count - 1; index >= 0; index--)
        {
            var (rows, key) = order[index];
            var original = originals[(rows, key)];
            rows.Restore(key, original.Existed, original.Value);
        }
    }

    /// <summary>The touched rows as they are now (a removed one as a tombstone).</summary>
    public IReadOnlyList<StateRow> Rows() => order.Select(t => t.Rows.RowOf(t.Key)).ToList();

    private readonly record struct Original(bool Existed, object? Value);
}
