using Emulator.Core.Identifiers;
using Emulator.Core.Store;

namespace Emulator.Core.Iam;

/// <summary>What every IAM domain operation needs: the store, the clock, the id source and the quotas in force.</summary>
public sealed record IamContext(IEmulatorStore Store, TimeProvider Clock, IdGenerator Ids)
{
    /// <summary>The quotas every operation enforces: AWS's defaults unless adjusted (<c>--quota</c>).</summary>
    public IamQuotas Quotas { get; init; } = IamQuotas.Default;

    /// <summary>IAM timestamps have second precision on the wire; keep them that way in state.</summary>
    public DateTimeOffset Now()
    {
        var now = Clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
