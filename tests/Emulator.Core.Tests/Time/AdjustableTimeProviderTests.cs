using Emulator.Core.Time;

namespace Emulator.Core.Tests.Time;

/// <summary>The clock refuses any move outside 2000..9999-12-01, so nothing that adds a lifetime to "now" can overflow.</summary>
public sealed class AdjustableTimeProviderTests
{
    private static readonly DateTimeOffset RealNow = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Advance_past_the_latest_time_throws_and_leaves_the_clock()
    {
        var clock = new AdjustableTimeProvider(new FixedTime(RealNow));
        clock.SetTime(new DateTimeOffset(9999, 11, 30, 0, 0, 0, TimeSpan.Zero));

        var move = () => clock.Advance(TimeSpan.FromDays(2));

        move.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("by");
        clock.GetUtcNow().Should().Be(new DateTimeOffset(9999, 11, 30, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Advance_by_the_largest_TimeSpan_throws_instead_of_overflowing()
    {
        var clock = new AdjustableTimeProvider(new FixedTime(RealNow));
        clock.Advance(TimeSpan.FromDays(365 * 100));

        var move = () => clock.Advance(TimeSpan.MaxValue);

        move.Should().Throw<ArgumentOutOfRangeException>();
        clock.Offset.Should().Be(TimeSpan.FromDays(365 * 100));
    }

    [Fact]
    public void Advance_back_before_2000_throws_and_leaves_the_clock()
    {
        var clock = new AdjustableTimeProvider(new FixedTime(RealNow));

        var move = () => clock.Advance(TimeSpan.FromDays(-365 * 30));

        move.Should().Throw<ArgumentOutOfRangeException>();
        clock.GetUtcNow().Should().Be(RealNow);
    }

    [Fact]
    public void SetTime_before_2000_throws_and_leaves_the_clock()
    {
        var clock = new AdjustableTimeProvider(new FixedTime(RealNow));

        var move = () => clock.SetTime(new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero));

        move.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("now");
        clock.GetUtcNow().Should().Be(RealNow);
    }

    [Fact]
    public void SetTime_to_the_limits_is_allowed()
    {
        var clock = new AdjustableTimeProvider(new FixedTime(RealNow));

        clock.SetTime(AdjustableTimeProvider.Latest);
        var latest = clock.GetUtcNow();
        clock.SetTime(AdjustableTimeProvider.Earliest);

        latest.Should().Be(new DateTimeOffset(9999, 12, 1, 0, 0, 0, TimeSpan.Zero));
        clock.GetUtcNow().Should().Be(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
