using Provisioning.Core.Security;

namespace Provisioning.Core.Tests.Security;

public sealed class LoginThrottleTests
{
    private static readonly LockoutPolicy Policy = new(5, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15));
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AfterFailure_First_StartsTheWindowWithOneFailure()
    {
        var throttle = LoginThrottle.AfterFailure(null, Start, Policy);

        Assert.Equal(new LoginThrottle(1, Start, null), throttle);
    }

    [Fact]
    public void AfterFailure_FourWithinTheWindow_DoesNotLockOut()
    {
        var throttle = Failures(4, TimeSpan.FromMinutes(3));

        Assert.Equal(4, throttle.Failures);
        Assert.Null(throttle.LockedUntil);
        Assert.False(throttle.IsLockedOut(Start + TimeSpan.FromMinutes(9)));
    }

    [Fact]
    public void AfterFailure_FifthWithinTheWindow_LocksOutForTheDurationFromThatFailure()
    {
        var throttle = Failures(5, TimeSpan.FromMinutes(3));

        var fifth = Start + TimeSpan.FromMinutes(12);
        Assert.Equal(fifth + TimeSpan.FromMinutes(15), throttle.LockedUntil);
        Assert.Equal(Start, throttle.WindowStart);
    }

    [Fact]
    public void AfterFailure_FifthJustInsideTheWindow_LocksOut()
    {
        var four = Failures(4, TimeSpan.FromMinutes(1));

        var fifth = LoginThrottle.AfterFailure(four, Start + TimeSpan.FromMinutes(15) - TimeSpan.FromTicks(1), Policy);

        Assert.True(fifth.IsLockedOut(Start + TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void AfterFailure_FifthAtTheEndOfTheWindow_RestartsTheCountInstead()
    {
        var four = Failures(4, TimeSpan.FromMinutes(1));
        var at = Start + TimeSpan.FromMinutes(15);

        var next = LoginThrottle.AfterFailure(four, at, Policy);

        Assert.Equal(new LoginThrottle(1, at, null), next);
    }

    [Fact]
    public void AfterFailure_WellAfterTheWindow_RestartsTheWindowAtNow()
    {
        var four = Failures(4, TimeSpan.FromMinutes(1));
        var at = Start + TimeSpan.FromHours(2);

        var next = LoginThrottle.AfterFailure(four, at, Policy);

        Assert.Equal(1, next.Failures);
        Assert.Equal(at, next.WindowStart);
        Assert.False(next.IsLockedOut(at));
    }

    [Fact]
    public void IsLockedOut_JustBeforeLockedUntil_IsTrue()
    {
        var until = Start + TimeSpan.FromMinutes(15);
        var throttle = new LoginThrottle(5, Start, until);

        Assert.True(throttle.IsLockedOut(until - TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void IsLockedOut_AtLockedUntil_IsFalse()
    {
        var until = Start + TimeSpan.FromMinutes(15);
        var throttle = new LoginThrottle(5, Start, until);

        Assert.False(throttle.IsLockedOut(until));
    }

    [Fact]
    public void IsLockedOut_NeverLocked_IsFalse()
    {
        Assert.False(new LoginThrottle(3, Start, null).IsLockedOut(Start));
    }

    /// <summary>Registers <paramref name="count"/> failures, <paramref name="step"/> apart, from <see cref="Start"/>.</summary>
    private static LoginThrottle Failures(int count, TimeSpan step)
    {
        LoginThrottle? throttle = null;
        for (var i = 0; i < count; i++)
        {
            throttle = LoginThrottle.AfterFailure(throttle, Start + (step * i), Policy);
        }
        return throttle!;
    }

    [Fact]
    public void AfterFailure_LateFailureWhileLockedOutInANewWindow_KeepsTheLockout()
    {
        var locked = new LoginThrottle(5, Start, Start + TimeSpan.FromMinutes(30));

        var next = LoginThrottle.AfterFailure(locked, Start + TimeSpan.FromMinutes(20), Policy);

        Assert.True(next.IsLockedOut(Start + TimeSpan.FromMinutes(25)));
    }
}
