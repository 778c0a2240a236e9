namespace Provisioning.Core.Security;

/// <summary>Failed logins of one eid and login name: how many since the window began, and until when it is locked out.</summary>
public sealed record LoginThrottle(int Failures, DateTimeOffset WindowStart, DateTimeOffset? LockedUntil)
{
    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && now < until;

    /// <summary>The state after one more failure at <paramref name="now"/>, under <paramref name="policy"/>.</summary>
    public static LoginThrottle AfterFailure(LoginThrottle? current, DateTimeOffset now, LockoutPolicy policy)
    {
        if (current is null || now - current.WindowStart >= policy.Window)
        {
            // A new window starts, but a lockout still running stays (concurrent failures may arrive late).
            current = new LoginThrottle(0, now, current?.IsLockedOut(now) == true ? current.LockedUntil : null);
        }
        var failures = current.Failures + 1;
        var lockedUntil = failures >= policy.Threshold ? now + policy.Duration : current.LockedUntil;
        return current with { Failures = failures, LockedUntil = lockedUntil };
    }
}
