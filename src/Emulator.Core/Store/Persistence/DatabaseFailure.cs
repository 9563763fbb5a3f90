using System.Data.Common;

namespace Emulator.Core.Store.Persistence;

/// <summary>Which exceptions mean the state database could not be used (down, locked, timed out, its file gone).</summary>
public static class DatabaseFailure
{
    public static bool Is(Exception e) => e is DbException or InvalidOperationException or IOException or TimeoutException;
}
