using Microsoft.Extensions.Time.Testing;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Services;
using Provisioning.Storage.Sqlite;

namespace Provisioning.Core.Tests.Security;

/// <summary>requestToken's throttle and hash bounds, on a real SQLite file and a fake clock (policy: 5 in 15 minutes).</summary>
public sealed class TokenServiceTests : IAsyncLifetime
{
    private const string Right = "right-password";
    private const string Address = "192.0.2.20";
    private readonly string _folder = Directory.CreateTempSubdirectory("provisioning-token-tests-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero));
    private readonly LoginCounts _counts = new();
    private readonly PasswordHasher _hasher = new(1000);
    private SqliteProvisioningStore _store = null!;
    private PasswordGate _gate = null!;
    private TokenService _tokens = null!;

    public async Task InitializeAsync()
    {
        _store = SqliteProvisioningStore.Open($"Data Source={Path.Combine(_folder, "tokens.db")}");
        await _store.MigrateAsync(CancellationToken.None);
        await new Bootstrapper(_store, _hasher, _time).RunAsync("admin", Right, Caller.System, CancellationToken.None);
        _gate = new PasswordGate(total: 1, perLogin: 1, TimeSpan.FromSeconds(2), _time);
        _tokens = new TokenService(_store, _hasher, new TokenOptions(), _time, new SessionCache(_store), _gate, _counts);
    }

    public async Task DisposeAsync()
    {
        _gate.Dispose();
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task RequestAsync_SevenWrongPasswords_ChecksFiveAndRefusesTwoUnchecked()
    {
        for (var i = 0; i < 7; i++)
        {
            Assert.False((await RequestAsync("wrong")).IsOk);
        }

        Assert.Equal((5, 2), (_counts.Wrong, _counts.Refused));
    }

    [Fact]
    public async Task RequestAsync_RightPasswordAfterFiveWrong_RefusedUntilTheLockoutEnds()
    {
        await FailAsync(5);

        var locked = await RequestAsync(Right);
        _time.Advance(TimeSpan.FromMinutes(15));
        var afterwards = await RequestAsync(Right);

        Assert.Equal(Failures.LoginFailed, locked.ToFailure());
        Assert.True(afterwards.IsOk);
    }

    [Fact]
    public async Task RequestAsync_OtherAddressOfALockedLogin_LogsIn()
    {
        await FailAsync(5);

        var other = await _tokens.RequestAsync("0000", "ADMIN", Right, "198.51.100.9", CancellationToken.None);

        Assert.True(other.IsOk);
        Assert.False((await RequestAsync(Right)).IsOk);
    }

    [Fact]
    public async Task RequestAsync_RightPassword_GivesItsOwnAttemptBackOnly()
    {
        await FailAsync(4);

        var right = await RequestAsync(Right);
        await FailAsync(1);

        Assert.True(right.IsOk);
        Assert.Equal(5, _counts.Wrong);
        Assert.False((await RequestAsync(Right)).IsOk);
    }

    [Fact]
    public async Task RequestAsync_FortyConcurrentWrong_ChecksOnlyTheThreshold()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => RequestAsync("wrong"))));

        Assert.Equal((5, 35, 0L), (_counts.Wrong, _counts.Refused, _counts.Busy));
        Assert.False((await RequestAsync(Right)).IsOk);
    }

    [Fact]
    public async Task RequestAsync_NoTurnToHashInTime_FailsUncheckedAndGivesTheAttemptBack()
    {
        var held = await _gate.EnterAsync("someone else", CancellationToken.None);

        var answer = RequestAsync(Right);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!answer.IsCompleted && DateTime.UtcNow < deadline)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(answer, Task.Delay(10));
        }
        held!.Dispose();

        Assert.False((await answer).IsOk);
        Assert.Equal((1L, 0L), (_counts.Busy, _counts.Wrong + _counts.Right));
        Assert.Equal(0, (await _store.Tokens.GetLoginAttemptsAsync(new LoginAttemptKey("0000", "admin", Address), CancellationToken.None))?.Attempts ?? 0);
    }

    [Fact]
    public async Task RequestAsync_CancelledWhileWaitingToHash_GivesTheAttemptBack()
    {
        var held = await _gate.EnterAsync("someone else", CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var answer = _tokens.RequestAsync("0000", "admin", Right, Address, cancel.Token);
        var key = new LoginAttemptKey("0000", "admin", Address);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await _store.Tokens.GetLoginAttemptsAsync(key, CancellationToken.None))?.Attempts != 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => answer);
        held!.Dispose();

        Assert.Equal(0, (await _store.Tokens.GetLoginAttemptsAsync(key, CancellationToken.None))?.Attempts ?? 0);
    }

    [Fact]
    public async Task RequestAsync_UnknownLogin_CountsAndChecksLikeAKnownOne()
    {
        for (var i = 0; i < 6; i++)
        {
            await _tokens.RequestAsync("0000", "nobody", "x", Address, CancellationToken.None);
        }

        Assert.Equal((5, 1), (_counts.Wrong, _counts.Refused));
    }

    private Task<Result<string>> RequestAsync(string password) => _tokens.RequestAsync("0000", "admin", password, Address, CancellationToken.None);

    private async Task FailAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.False((await RequestAsync("wrong")).IsOk);
        }
    }
}
