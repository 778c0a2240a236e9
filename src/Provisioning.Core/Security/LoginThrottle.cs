namespace Provisioning.Core.Security;

/// <summary>
/// Password attempts of one login from one client address (a <see cref="LoginAttemptKey"/>): how many count in the
/// window that began at <see cref="WindowStart"/>, and until when further attempts are refused. An attempt counts from
/// the moment it is reserved, before its password is checked, and a right password gives its own attempt back; so
/// however many requests race, no more than the threshold of wrong passwords is checked per key and window.
/// </summary>
public sealed record LoginThrottle(int Attempts, DateTimeOffset WindowStart, DateTimeOffset? LockedUntil)
{
    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && now < until;

    /// <summary>
    /// Whether an attempt at <paramref name="now"/> begins a new window: none yet, or the last one has passed, or its
    /// lockout has run out. A lockout outlives its window, as the spec has it: the login fails for the whole duration.
    /// </summary>
    public static bool StartsWindow(LoginThrottle? current, DateTimeOffset now, LockoutPolicy policy) =>
        current is null || (!current.IsLockedOut(now) && (now - current.WindowStart >= policy.Window || current.LockedUntil is not null));

    /// <summary>
    /// The state after reserving one attempt at <paramref name="now"/>, or null when it is refused: locked out, or the
    /// threshold already reserved in this window. The attempt that reaches the threshold starts the lockout, which its
    /// refund lifts again.
    /// </summary>
    public static LoginThrottle? Reserve(LoginThrottle? current, DateTimeOffset now, LockoutPolicy policy)
    {
        if (StartsWindow(current, now, policy))
        {
            current = new LoginThrottle(0, now, null);
        }
        else if (current!.IsLockedOut(now) || current.Attempts >= policy.Threshold)
        {
            return null;
        }
        var attempts = current.Attempts + 1;
        return new LoginThrottle(attempts, current.WindowStart, attempts >= policy.Threshold ? now + policy.Duration : null);
    }

    /// <summary>
    /// The state after a right password gives back the attempt it reserved in the window that began at
    /// <paramref name="windowStart"/>; unchanged when that window is over (the attempt no longer counts anyway).
    /// </summary>
    public static LoginThrottle Refund(LoginThrottle current, DateTimeOffset windowStart, LockoutPolicy policy)
    {
        if (current.WindowStart != windowStart || current.Attempts == 0)
        {
            return current;
        }
        var attempts = current.Attempts - 1;
        return new LoginThrottle(attempts, current.WindowStart, attempts >= policy.Threshold ? current.LockedUntil : null);
    }
}
