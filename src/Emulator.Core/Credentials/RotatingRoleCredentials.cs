using Emulator.Core.Caching;
using Emulator.Core.Iam.Roles;
using Emulator.Core.Identifiers;
using Emulator.Core.Sts;

namespace Emulator.Core.Credentials;

/// <summary>
/// Role credentials that an AWS service hands to a workload and rotates, as EC2 does for instance
/// profiles (and the container agents for tasks and pods): a new set is published every
/// <see cref="Period"/> counted from an anchor (the association's or registration's time), each set lives
/// <see cref="Lifetime"/> from its issue time, so the set being served always has more than five hours
/// left — never the last minutes botocore would stretch past the set's real expiry — and every earlier set
/// stays valid until its own expiry (the session tokens are self-contained). A set's keys are derived
/// from <paramref name="rotationKey"/> (kept by the store), the holder, the role and the period, so a
/// restarted emulator, or another replica on the same database, serves the very same set.
/// </summary>
public sealed class RotatingRoleCredentials(StsService sts, TimeProvider clock, byte[] rotationKey)
{
    /// <summary>AWS's instance-profile sets last about 6 h 20 min to 6 h 35 min (recorded).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(385);

    /// <summary>"A new set appears about every hour."</summary>
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    private readonly BoundedCache<(string Holder, string RoleId, long IssuedAt), IssuedSession> sets = new(10_000);

    /// <summary>
    /// The set to serve now to <paramref name="holder"/> (one key per receiver and delivery channel, e.g.
    /// instance id + association id + IMDS version) for <paramref name="role"/>. The same call within one
    /// period returns the same keys.
    /// </summary>
    public IssuedSession Current(string holder, Role role, string sessionName, string region, DateTimeOffset anchor, Func<Session, Session> specifics)
    {
        var issuedAt = PeriodStart(anchor, clock.GetUtcNow());
        return sets.GetOrAdd((holder, role.RoleId, issuedAt.ToUnixTimeSeconds()), key =>
            sts.IssueServiceRoleSession(role, sessionName, region, issuedAt, Lifetime, specifics,
                new IdGenerator(new DerivedRandomSource(rotationKey, $"{key.Holder}\n{key.RoleId}\n{key.IssuedAt}"))));
    }

    /// <summary>The start of the rotation period that contains <paramref name="now"/> (whole seconds, never in the future).</summary>
    public static DateTimeOffset PeriodStart(DateTimeOffset anchor, DateTimeOffset now)
    {
        var start = now < anchor ? now : anchor.AddTicks((now - anchor).Ticks / Period.Ticks * Period.Ticks);
        return DateTimeOffset.FromUnixTimeSeconds(start.ToUnixTimeSeconds());
    }
}
