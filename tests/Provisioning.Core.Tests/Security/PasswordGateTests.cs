using Microsoft.Extensions.Time.Testing;
using Provisioning.Core.Security;

namespace Provisioning.Core.Tests.Security;

public sealed class PasswordGateTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task EnterAsync_PerLoginBoundReached_WaitsUntilATurnIsReturned()
    {
        using var gate = new PasswordGate(total: 10, perLogin: 2, TimeSpan.FromSeconds(2), _time);
        using var first = await gate.EnterAsync("admin", CancellationToken.None);
        var second = await gate.EnterAsync("admin", CancellationToken.None);

        var third = gate.EnterAsync("admin", CancellationToken.None);
        var waited = !third.IsCompleted;
        second!.Dispose();

        Assert.True(waited);
        using var turn = await third;
        Assert.NotNull(turn);
    }

    [Fact]
    public async Task EnterAsync_OtherLoginWhileOneIsFull_GetsATurnAtOnce()
    {
        using var gate = new PasswordGate(total: 10, perLogin: 1, TimeSpan.FromSeconds(2), _time);
        using var held = await gate.EnterAsync("admin", CancellationToken.None);

        var other = gate.EnterAsync("carol", CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        using var turn = await other;
        Assert.NotNull(turn);
    }

    [Fact]
    public async Task EnterAsync_NoTurnWithinTheWait_ReturnsNullAndLeavesTheBoundsIntact()
    {
        using var gate = new PasswordGate(total: 1, perLogin: 2, TimeSpan.FromSeconds(2), _time);
        var held = await gate.EnterAsync("carol", CancellationToken.None);

        var late = await AdvanceUntilDoneAsync(gate.EnterAsync("admin", CancellationToken.None));
        held!.Dispose();

        Assert.Null(late);
        using var turn = await gate.EnterAsync("admin", CancellationToken.None);
        Assert.NotNull(turn);
    }

    /// <summary>Moves the fake clock on until <paramref name="task"/> ends, as its timer only starts once it waits.</summary>
    private async Task<T> AdvanceUntilDoneAsync<T>(Task<T> task)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!task.IsCompleted && DateTime.UtcNow < deadline)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(task, Task.Delay(10));
        }
        return await task;
    }
}
