using Provisioning.Core.Security;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>The failed-login throttle: counted by the LoginThrottle rules, keyed ignoring case, atomic.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    private static readonly LockoutPolicy Policy = new(Threshold: 3, Window: TimeSpan.FromMinutes(15), Duration: TimeSpan.FromMinutes(10));

    [SkippableFact]
    public async Task ThrottleRegisterFailureAsync_BelowThreshold_CountsWithoutLocking()
    {
        var (eid, login) = (NewEid(), Unique("User"));

        var first = await Store.Tokens.RegisterFailureAsync(eid, login, T0, Policy, Ct);
        var second = await Store.Tokens.RegisterFailureAsync(eid, login, T0.AddMinutes(1), Policy, Ct);

        Assert.Equal(new LoginThrottle(1, T0, null), first);
        Assert.Equal(new LoginThrottle(2, T0, null), second);
        Assert.Equal(second, await Store.Tokens.GetThrottleAsync(eid, login, Ct));
    }

    [SkippableFact]
    public async Task ThrottleRegisterFailureAsync_AtThreshold_LocksForTheDuration()
    {
        var (eid, login) = (NewEid(), Unique("User"));
        await Store.Tokens.RegisterFailureAsync(eid, login, T0, Policy, Ct);
        await Store.Tokens.RegisterFailureAsync(eid, login, T0.AddMinutes(1), Policy, Ct);

        var third = await Store.Tokens.RegisterFailureAsync(eid, login, T0.AddMinutes(2), Policy, Ct);

        Assert.Equal(new LoginThrottle(3, T0, T0.AddMinutes(12)), third);
        Assert.Equal(third, await Store.Tokens.GetThrottleAsync(eid, login, Ct));
    }

    [SkippableFact]
    public async Task ThrottleRegisterFailureAsync_AfterTheWindow_StartsCountingAgain()
    {
        var (eid, login) = (NewEid(), Unique("User"));
        await Store.Tokens.RegisterFailureAsync(eid, login, T0, Policy, Ct);
        await Store.Tokens.RegisterFailureAsync(eid, login, T0.AddMinutes(1), Policy, Ct);

        var later = await Store.Tokens.RegisterFailureAsync(eid, login, T0 + Policy.Window, Policy, Ct);

        Assert.Equal(new LoginThrottle(1, T0 + Policy.Window, null), later);
        Assert.Equal(later, await Store.Tokens.GetThrottleAsync(eid, login, Ct));
    }

    [SkippableFact]
    public async Task ThrottleGetAsync_KeysInOtherCase_FindTheSameCount()
    {
        var (eid, login) = (NewEid(), Unique("User"));
        await Store.Tokens.RegisterFailureAsync(eid, login, T0, Policy, Ct);

        var counted = await Store.Tokens.RegisterFailureAsync(OtherCase(eid), OtherCase(login), T0.AddMinutes(1), Policy, Ct);

        Assert.Equal(2, counted.Failures);
        Assert.Equal(counted, await Store.Tokens.GetThrottleAsync(OtherCase(eid), login, Ct));
    }

    [SkippableFact]
    public async Task ThrottleGetAsync_UnknownOrOtherEid_ReturnsNull()
    {
        var (eid, login) = (NewEid(), Unique("User"));
        await Store.Tokens.RegisterFailureAsync(eid, login, T0, Policy, Ct);

        Assert.Null(await Store.Tokens.GetThrottleAsync(eid, Unique("User"), Ct));
        Assert.Null(await Store.Tokens.GetThrottleAsync(NewEid(), login, Ct));
    }

    [SkippableFact]
    public async Task ThrottleClearAsync_KeysInOtherCase_RemovesOnlyThatLogin()
    {
        var (eid, login, neighbour) = (NewEid(), Unique("User"), Unique("User"));
        await Store.Tokens.RegisterFailureAsync(eid, login, T0, Policy, Ct);
        await Store.Tokens.RegisterFailureAsync(eid, neighbour, T0, Policy, Ct);

        await Store.Tokens.ClearThrottleAsync(OtherCase(eid), OtherCase(login), Ct);

        Assert.Null(await Store.Tokens.GetThrottleAsync(eid, login, Ct));
        Assert.NotNull(await Store.Tokens.GetThrottleAsync(eid, neighbour, Ct));
        Assert.Equal(1, (await Store.Tokens.RegisterFailureAsync(eid, login, T0.AddMinutes(1), Policy, Ct)).Failures);
    }

    [SkippableFact]
    public async Task ThrottleRegisterFailureAsync_FiftyConcurrentFailures_CountsEveryOne()
    {
        var (eid, login) = (NewEid(), Unique("User"));
        var policy = Policy with { Threshold = 1000 };

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => Store.Tokens.RegisterFailureAsync(i % 2 == 0 ? eid : OtherCase(eid), login, T0.AddMilliseconds(i), policy, Ct))));

        Assert.Equal(Enumerable.Range(1, 50), results.Select(r => r.Failures).Order());
        Assert.Equal(50, (await Store.Tokens.GetThrottleAsync(eid, login, Ct))?.Failures);
    }
}
