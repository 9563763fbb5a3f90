namespace Emulator.Core.Time;

/// <summary>
/// The emulator's clock: real time plus an offset that users move through the admin API, so
/// expiry and rotation can be tested without waiting.
/// </summary>
public sealed class AdjustableTimeProvider(TimeProvider inner) : TimeProvider
{
    /// <summary>The earliest time the clock may be moved to.</summary>
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The latest time the clock may be moved to: inside year 9999 but a month short of its end, so
    /// every lifetime the emulator adds to "now" (36-hour sessions, 12-hour tokens) still fits in a
    /// <see cref="DateTimeOffset"/> instead of overflowing on every later call.
    /// </summary>
    public static readonly DateTimeOffset Latest = new(9999, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary><see cref="Earliest"/> and <see cref="Latest"/> as users write them, for error messages.</summary>
    public const string RangeText = "between 2000-01-01T00:00:00Z and 9999-12-01T00:00:00Z";

    private long offsetTicks;

    /// <summary>Whether a time (in UTC ticks) lies in <see cref="Earliest"/>..<see cref="Latest"/>.</summary>
    public static bool IsInRange(long utcTicks) => utcTicks >= Earliest.UtcTicks && utcTicks <= Latest.UtcTicks;

    public AdjustableTimeProvider() : this(System) { }

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    /// <summary>Moves the clock by <paramref name="by"/>; refuses a move that would leave <see cref="Earliest"/>..<see cref="Latest"/>.</summary>
    public void Advance(TimeSpan by)
    {
        // Compare-and-swap so two concurrent moves both land and the range check sees the offset it replaces.
        while (true)
        {
            var current = Interlocked.Read(ref offsetTicks);
            long next;
            try
            {
                next = checked(current + by.Ticks);
            }
            catch (OverflowException)
            {
                throw OutOfRange(nameof(by));
            }

            CheckInRange(next, nameof(by));
            if (Interlocked.CompareExchange(ref offsetTicks, next, current) == current)
            {
                return;
            }
        }
    }

    /// <summary>Moves the clock to <paramref name="now"/>; refuses a time outside <see cref="Earliest"/>..<see cref="Latest"/>.</summary>
    public void SetTime(DateTimeOffset now)
    {
        if (!IsInRange(now.UtcTicks))
        {
            throw OutOfRange(nameof(now));
        }

        Interlocked.Exchange(ref offsetTicks, (now - inner.GetUtcNow()).Ticks);
    }

    public void Reset() => Interlocked.Exchange(ref offsetTicks, 0);

    private void CheckInRange(long offset, string parameter)
    {
        long resulting;
        try
        {
            resulting = checked(inner.GetUtcNow().UtcTicks + offset);
        }
        catch (OverflowException)
        {
            throw OutOfRange(parameter);
        }

        if (!IsInRange(resulting))
        {
            throw OutOfRange(parameter);
        }
    }

    private static ArgumentOutOfRangeException OutOfRange(string parameter) =>
        new(parameter, $"The clock must stay {RangeText}.");
}
