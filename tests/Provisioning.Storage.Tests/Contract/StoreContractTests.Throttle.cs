using Provisioning.Core.Security;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>
/// Login attempts per login and client address: reserved atomically under the rules of LoginThrottle, keyed on eid and
/// login ignoring case, refunded by a right password, expiring with their window.
/// </summary>
public abstract partial class StoreContractTests<TFixture>
{
    private static readonly LockoutPolicy Policy = new(Threshold: 3, Window: TimeSpan.FromMinutes(15), Duration: TimeSpan.FromMinutes(10));

    [SkippableFact]
    public async Task ReserveLoginAttemptAsync_UpToTheThreshold_GrantsAndTheLastLocks()
    {
        var key = NewAttemptKey();

        var granted = new List<LoginThrottle?>();
        for (var i = 0; i < 4; i++)
        {
            granted.Add(await Store.Tokens.ReserveLoginAttemptAsync(key, T0.AddMinutes(i), Policy, Ct));
        }

        Assert.Equal(new LoginThrottle(1, T0, null), granted[0]);
        Assert.Equal(new LoginThrottle(2, T0, null), granted[1]);
        Assert.Equal(new LoginThrottle(3, T0, T0.AddMinutes(12)), granted[2]);
        Assert.Null(granted[3]);
        Assert.Equal(granted[2], await Store.Tokens.GetLoginAttemptsAsync(key, Ct));
    }

    [SkippableFact]
    public async Task ReserveLoginAttemptAsync_FortyConcurrent_GrantsExactlyTheThreshold()
    {
        var key = NewAttemptKey();
        var policy = Policy with { Threshold = 5 };

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => Store.Tokens.ReserveLoginAttemptAsync(
            i % 2 == 0 ? key : key with { Eid = OtherCase(key.Eid), LoginName = OtherCase(key.LoginName) }, T0.AddMilliseconds(i), policy, Ct))));

        Assert.Equal([1, 2, 3, 4, 5], results.OfType<LoginThrottle>().Select(r => r.Attempts).Order());
        Assert.Equal(5, (await Store.Tokens.GetLoginAttemptsAsync(key, Ct))?.Attempts);
    }

    [SkippableFact]
    public async Task ReserveLoginAttemptAsync_OtherAddressOfALockedLogin_CountsApart()
    {
        var key = NewAttemptKey();
        await ReserveAsync(key, Policy.Threshold);

        var other = await Store.Tokens.ReserveLoginAttemptAsync(key with { ClientAddress = "198.51.100.7" }, T0.AddMinutes(1), Policy, Ct);

        Assert.Null(await Store.Tokens.ReserveLoginAttemptAsync(key, T0.AddMinutes(1), Policy, Ct));
        Assert.Equal(new LoginThrottle(1, T0.AddMinutes(1), null), other);
    }

    [SkippableFact]
    public async Task RefundLoginAttemptAsync_OfTheAttemptThatLocked_LiftsTheLockoutForOneMore()
    {
        var key = NewAttemptKey();
        await ReserveAsync(key, Policy.Threshold);

        await Store.Tokens.RefundLoginAttemptAsync(key with { LoginName = OtherCase(key.LoginName) }, T0, Policy, Ct);

        Assert.Equal(new LoginThrottle(2, T0, null), await Store.Tokens.GetLoginAttemptsAsync(key, Ct));
        Assert.Equal(new LoginThrottle(3, T0, T0.AddMinutes(15)), await Store.Tokens.ReserveLoginAttemptAsync(key, T0.AddMinutes(5), Policy, Ct));
        Assert.Null(await Store.Tokens.ReserveLoginAttemptAsync(key, T0.AddMinutes(5), Policy, Ct));
    }

    [SkippableFact]
    public async Task RefundLoginAttemptAsync_OfAnEarlierWindow_ChangesNothing()
    {
        var key = NewAttemptKey();
        await ReserveAsync(key, 1);
        var later = await Store.Tokens.ReserveLoginAttemptAsync(key, T0 + Policy.Window, Policy, Ct);

        await Store.Tokens.RefundLoginAttemptAsync(key, T0, Policy, Ct);
        await Store.Tokens.RefundLoginAttemptAsync(NewAttemptKey(), T0, Policy, Ct);

        Assert.Equal(later, await Store.Tokens.GetLoginAttemptsAsync(key, Ct));
    }

    [SkippableFact]
    public async Task ReserveLoginAttemptAsync_AfterTheWindow_StartsCountingAgain()
    {
        var key = NewAttemptKey();
        await ReserveAsync(key, 2);

        var later = await Store.Tokens.ReserveLoginAttemptAsync(key, T0 + Policy.Window, Policy, Ct);

        Assert.Equal(new LoginThrottle(1, T0 + Policy.Window, null), later);
    }

    [SkippableFact]
    public async Task ReserveLoginAttemptAsync_LockoutOutlastingTheWindow_RefusesUntilItEnds()
    {
        var key = NewAttemptKey();
        var policy = Policy with { Duration = TimeSpan.FromMinutes(20) };
        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull(await Store.Tokens.ReserveLoginAttemptAsync(key, T0.AddMinutes(i), policy, Ct));
        }

        var afterWindow = await Store.Tokens.ReserveLoginAttemptAsync(key, T0.AddMinutes(16), policy, Ct);
        var lastMoment = await Store.Tokens.ReserveLoginAttemptAsync(key, T0.AddMinutes(22).AddMilliseconds(-1), policy, Ct);
        var afterLockout = await Store.Tokens.ReserveLoginAttemptAsync(key, T0.AddMinutes(22), policy, Ct);

        Assert.Null(afterWindow);
        Assert.Null(lastMoment);
        Assert.Equal(new LoginThrottle(1, T0.AddMinutes(22), null), afterLockout);
    }

    [SkippableFact]
    public async Task GetLoginAttemptsAsync_UnknownLoginEidOrAddress_ReturnsNull()
    {
        var key = NewAttemptKey();
        await ReserveAsync(key, 1);

        Assert.Null(await Store.Tokens.GetLoginAttemptsAsync(key with { LoginName = Unique("User") }, Ct));
        Assert.Null(await Store.Tokens.GetLoginAttemptsAsync(key with { Eid = NewEid() }, Ct));
        Assert.Null(await Store.Tokens.GetLoginAttemptsAsync(key with { ClientAddress = "2001:db8::1" }, Ct));
        Assert.NotNull(await Store.Tokens.GetLoginAttemptsAsync(key with { Eid = OtherCase(key.Eid) }, Ct));
    }

    [SkippableFact]
    public async Task PurgeTokensAsync_LoginAttemptsWhoseWindowAndLockoutEnded_RemovesOnlyThose()
    {
        var (old, locked, recent) = (NewAttemptKey(), NewAttemptKey(), NewAttemptKey());
        await ReserveAsync(old, 1);
        await ReserveAsync(locked, Policy.Threshold);
        await Store.Tokens.ReserveLoginAttemptAsync(recent, T0.AddMinutes(30), Policy, Ct);

        await Store.Tokens.PurgeTokensAsync(T0.AddMinutes(5), Ct);

        Assert.Null(await Store.Tokens.GetLoginAttemptsAsync(old, Ct));
        Assert.NotNull(await Store.Tokens.GetLoginAttemptsAsync(locked, Ct));
        Assert.NotNull(await Store.Tokens.GetLoginAttemptsAsync(recent, Ct));
    }

    private static LoginAttemptKey NewAttemptKey() => new(NewEid(), Unique("User"), "192.0.2.10");

    /// <summary>Reserves <paramref name="count"/> attempts at <see cref="T0"/>, each granted.</summary>
    private async Task ReserveAsync(LoginAttemptKey key, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.NotNull(await Store.Tokens.ReserveLoginAttemptAsync(key, T0, Policy, Ct));
        }
    }
}
