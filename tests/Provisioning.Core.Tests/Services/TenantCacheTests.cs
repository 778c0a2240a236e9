using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Provisioning.Core.Caching;
using Provisioning.Core.Security;
using Provisioning.Core.Services;
using Provisioning.Storage.Sqlite;

namespace Provisioning.Core.Tests.Services;

/// <summary>
/// Environments cached on a fake clock over a real SQLite file, changed behind the store's back as the command line
/// does from another process (no change event reaches this one).
/// </summary>
public sealed class TenantCacheTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("provisioning-tenant-cache-tests-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private SqliteProvisioningStore _store = null!;
    private TenantCache _cache = null!;

    private string DatabaseFile => Path.Combine(_folder, "tenants.db");

    public async Task InitializeAsync()
    {
        _store = SqliteProvisioningStore.Open($"Data Source={DatabaseFile}");
        await _store.MigrateAsync(CancellationToken.None);
        await new Bootstrapper(_store, new PasswordHasher(1000), _time).RunAsync("admin", "right-password", Caller.System, CancellationToken.None);
        _cache = new TenantCache(_store, _time);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task FindByEidAsync_ChangedElsewhereWithinMaxAge_ServesTheCachedCopy()
    {
        await _cache.FindByEidAsync(Bootstrapper.ReferenceEid, CancellationToken.None);

        ChangeDisplayNameElsewhere("Changed elsewhere");
        _time.Advance(CachePolicy.MaxAge);
        var tenant = await _cache.FindByEidAsync(Bootstrapper.ReferenceEid, CancellationToken.None);

        Assert.Equal("Reference environment", tenant?.DisplayName);
    }

    [Fact]
    public async Task FindByEidAsync_ChangedElsewherePastMaxAge_ReadsItAgain()
    {
        await _cache.FindByEidAsync(Bootstrapper.ReferenceEid, CancellationToken.None);

        ChangeDisplayNameElsewhere("Changed elsewhere");
        _time.Advance(CachePolicy.MaxAge + TimeSpan.FromTicks(1));
        var tenant = await _cache.FindByEidAsync(Bootstrapper.ReferenceEid, CancellationToken.None);

        Assert.Equal("Changed elsewhere", tenant?.DisplayName);
    }

    private void ChangeDisplayNameElsewhere(string displayName)
    {
        using var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE tenants SET display_name = @name WHERE eid = @eid";
        command.Parameters.AddWithValue("@name", displayName);
        command.Parameters.AddWithValue("@eid", Bootstrapper.ReferenceEid);
        Assert.Equal(1, command.ExecuteNonQuery());
    }
}
