using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Security;
using Provisioning.Storage.Sqlite;

namespace Provisioning.Storage.Tests.Sqlite;

/// <summary>The SQLite store watches its file: a moved file stops writes for good, a clean close leaves no WAL.</summary>
public sealed class SqliteFileHealthTests : IDisposable
{
    private readonly SqliteFolder _folder = new("provisioning-file-health-");

    private string Database => _folder.Database;

    private static AuditActor SystemActor => Caller.System.ActorAt(DateTimeOffset.UtcNow);

    [Fact]
    public async Task Write_AfterTheFileWasMoved_RefusedFromThenOnAndReportedOnce()
    {
        await using var store = await OpenAsync();
        var events = new List<SqliteHealthEvent>();
        store.HealthObserver = events.Add;
        Assert.True((await store.Tenants.CreateAsync(NewTenant(), SystemActor, CancellationToken.None)).IsOk);

        File.Move(Database, Database + ".moved");
        var first = await Assert.ThrowsAsync<InvalidOperationException>(() => store.Tenants.CreateAsync(NewTenant(), SystemActor, CancellationToken.None));
        var second = await Assert.ThrowsAsync<InvalidOperationException>(() => store.Tenants.CreateAsync(NewTenant(), SystemActor, CancellationToken.None));
        var ping = await Assert.ThrowsAsync<InvalidOperationException>(() => store.PingAsync(CancellationToken.None));

        Assert.Contains($"the database file {Database} was deleted, replaced or moved", first.Message, StringComparison.Ordinal);
        Assert.StartsWith("No write is accepted", second.Message, StringComparison.Ordinal);
        Assert.Contains("moved", ping.Message, StringComparison.Ordinal);
        var lost = Assert.Single(events);
        Assert.Equal(SqliteHealthChange.FileLost, lost.Change);
    }

    [Fact]
    public async Task Dispose_AfterWrites_CheckpointsSoTheFileAloneHoldsThem()
    {
        var store = await OpenAsync();
        var tenant = NewTenant();
        Assert.True((await store.Tenants.CreateAsync(tenant, SystemActor, CancellationToken.None)).IsOk);

        await store.DisposeAsync();

        var wal = new FileInfo(Database + "-wal");
        Assert.Equal(0, wal.Exists ? wal.Length : 0);
        await using var again = await OpenAsync();
        Assert.NotNull(await again.Tenants.FindByEidAsync(tenant.Eid!, CancellationToken.None));
    }

    [Fact]
    public void Open_WalWithoutItsDatabase_RefusedNamingBoth()
    {
        File.WriteAllBytes(Database + "-wal", new byte[4096]);

        var refused = Assert.Throws<InvalidOperationException>(() => SqliteProvisioningStore.Open($"Data Source={Database}"));

        Assert.StartsWith($"the SQLite file {Database} is missing but {Database}-wal is there", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }

    public void Dispose() => _folder.Dispose();

    private Task<SqliteProvisioningStore> OpenAsync() => _folder.OpenAsync();

    private static Tenant NewTenant() => new()
    {
        Eid = "T" + Guid.NewGuid().ToString("N")[..3].ToUpperInvariant(),
        ShortName = "Env" + Guid.NewGuid().ToString("N")[..8],
        DisplayName = "An environment",
    };
}
