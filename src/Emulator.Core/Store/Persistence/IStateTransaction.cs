using Emulator.Core.Store.Tracking;

namespace Emulator.Core.Store.Persistence;

/// <summary>One write to the state database, holding its write lock; disposing without commit rolls it back.</summary>
public interface IStateTransaction : IDisposable
{
    IReadOnlyList<RevisedRow> RowsSince(long revision);

    void Write(IEnumerable<StateRow> rows, long revision);

    void Commit();
}
