namespace Emulator.Core.Time;

/// <summary>
/// The emulator's clock: real time plus an offset that users move through the admin API, so
/// expiry and rotation can be tested without waiting.
/// </summary>
public sealed class AdjustableTimeProvider(TimeProvider inner) : TimeProvider
{
    private long offsetTicks;

    public AdjustableTimeProvider() : this(System) { }

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public void SetTime(DateTimeOffset now) => Interlocked.Exchange(ref offsetTicks, (now - inner.GetUtcNow()).Ticks);

    public void Reset() => Interlocked.Exchange(ref offsetTicks, 0);
}
