using Emulator.Core.Identifiers;
using Emulator.Core.Store;

namespace Emulator.Core.Iam;

/// <summary>What every IAM domain operation needs: the store, the clock and the id source.</summary>
public sealed record IamContext(IEmulatorStore Store, TimeProvider Clock, IdGenerator Ids)
{
    /// <summary>IAM timestamps have second precision on the wire; keep them that way in state.</summary>
    public DateTimeOffset Now()
    {
        var now = Clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
