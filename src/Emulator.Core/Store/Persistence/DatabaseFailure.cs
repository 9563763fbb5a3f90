using System.Data.Common;
using Emulator.Core.Errors;

namespace Emulator.Core.Store.Persistence;

/// <summary>Which exceptions mean the state database could not be used (down, locked, timed out, its file gone).</summary>
public static class DatabaseFailure
{
    public static bool Is(Exception e) => e is DbException or InvalidOperationException or IOException or TimeoutException;

    /// <summary>The answer when the database failed: AWS's when its own backend is down; nothing was changed.</summary>
    public static AwsException Unavailable() =>
        new AwsError("ServiceUnavailable", "The emulator's state database is unavailable; the request was not applied. Try again.", 503).ToException();
}
