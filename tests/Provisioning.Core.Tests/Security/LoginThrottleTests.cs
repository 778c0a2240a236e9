using Provisioning.Core.Security;

namespace Provisioning.Core.Tests.Security;

public sealed class LoginThrottleTests
{
    private static readonly LockoutPolicy Policy = new(5, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15));
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reserve_First_StartsTheWindowWithOneAttempt()
    {
        Assert.Equal(new LoginThrottle(1, Start, null), LoginThrottle.Reserve(null, Start, Policy));
    }

    [Fact]
    public void Reserve_FourWithinTheWindow_DoesNotLockOut()
    {
        var throttle = Reserved(4, TimeSpan.FromMinutes(3));

        Assert.Equal(new LoginThrottle(4, Start, null), throttle);
    }

    [Fact]
    public void Reserve_Fifth_LocksOutForTheDurationFromThatAttempt()
    {
        var throttle = Reserved(5, TimeSpan.FromMinutes(3));

        Assert.Equal(new LoginThrottle(5, Start, Start + TimeSpan.FromMinutes(12 + 15)), throttle);
    }

    [Fact]
    public void Reserve_SixthWithinTheWindow_IsRefused()
    {
        var five = Reserved(5, TimeSpan.FromMinutes(1));

        Assert.Null(LoginThrottle.Reserve(five, Start + TimeSpan.FromMinutes(5), Policy));
    }

    [Fact]
    public void Reserve_AtTheEndOfTheWindowBelowTheThreshold_StartsANewWindow()
    {
        var four = Reserved(4, TimeSpan.FromMinutes(1));
        var at = Start + Policy.Window;

        Assert.Equal(new LoginThrottle(1, at, null), LoginThrottle.Reserve(four, at, Policy));
    }

    [Fact]
    public void Reserve_AfterTheWindowWhileStillLockedOut_IsRefused()
    {
        var five = Reserved(5, TimeSpan.FromMinutes(2));

        Assert.Null(LoginThrottle.Reserve(five, Start + Policy.Window + TimeSpan.FromMinutes(5), Policy));
    }

    [Fact]
    public void Reserve_WhenTheLockoutHasRunOut_StartsANewWindow()
    {
        var five = Reserved(5, TimeSpan.FromMinutes(2));
        var at = five.LockedUntil!.Value;

        Assert.Equal(new LoginThrottle(1, at, null), LoginThrottle.Reserve(five, at, Policy));
    }

    [Fact]
    public void Refund_OfTheAttemptThatLocked_LiftsTheLockout()
    {
        var five = Reserved(5, TimeSpan.FromMinutes(1));

        var refunded = LoginThrottle.Refund(five, Start, Policy);

        Assert.Equal(new LoginThrottle(4, Start, null), refunded);
        Assert.NotNull(LoginThrottle.Reserve(refunded, Start + TimeSpan.FromMinutes(6), Policy));
    }

    [Fact]
    public void Refund_OfAnEarlierWindow_ChangesNothing()
    {
        var three = Reserved(3, TimeSpan.FromMinutes(1));

        Assert.Equal(three, LoginThrottle.Refund(three, Start - TimeSpan.FromMinutes(30), Policy));
    }

    [Fact]
    public void IsLockedOut_JustBeforeAndAtLockedUntil_TrueThenFalse()
    {
        var until = Start + TimeSpan.FromMinutes(15);
        var throttle = new LoginThrottle(5, Start, until);

        Assert.True(throttle.IsLockedOut(until - TimeSpan.FromTicks(1)));
        Assert.False(throttle.IsLockedOut(until));
    }

    /// <summary>Reserves <paramref name="count"/> attempts, <paramref name="step"/> apart, from <see cref="Start"/>; each granted.</summary>
    private static LoginThrottle Reserved(int count, TimeSpan step)
    {
        LoginThrottle? throttle = null;
        for (var i = 0; i < count; i++)
        {
            throttle = LoginThrottle.Reserve(throttle, Start + (step * i), Policy);
            Assert.NotNull(throttle);
        }
        return throttle!;
    }
}
