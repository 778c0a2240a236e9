using Microsoft.Extensions.Time.Testing;
using Provisioning.Core.Security;
using Provisioning.Storage.Sqlite;

namespace Provisioning.Core.Tests.Security;

/// <summary>Cached sessions age on the clock the cache is given, not on the machine's.</summary>
public sealed class SessionCacheTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("provisioning-session-cache-tests-").FullName;
    private readonly FakeTimeProvider _time = new(Start);
    private SqliteProvisioningStore _store = null!;

    public Task InitializeAsync()
    {
        _store = SqliteProvisioningStore.Open($"Data Source={Path.Combine(_folder, "sessions.db")}");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void TryGet_AtMaxAge_Served()
    {
        var cache = new SessionCache(_store, _time);
        cache.Put("hash", Session(), cache.Version);

        _time.Advance(SessionCache.MaxAge);

        Assert.True(cache.TryGet("hash", out var session));
        Assert.Equal(41, session.TokenId);
    }

    [Fact]
    public void TryGet_PastMaxAge_Missed()
    {
        var cache = new SessionCache(_store, _time);
        cache.Put("hash", Session(), cache.Version);

        _time.Advance(SessionCache.MaxAge + TimeSpan.FromTicks(1));

        Assert.False(cache.TryGet("hash", out _));
    }

    private static TokenSession Session() =>
        new(41, new AccountState(7, 1, "0000", "admin", false, null, null, [Roles.SystemAdministrator]), Start, Start, Start.AddHours(8), null);
}
