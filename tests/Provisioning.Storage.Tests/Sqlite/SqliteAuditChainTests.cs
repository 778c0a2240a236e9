using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Security;
using Provisioning.Storage.Sqlite;

namespace Provisioning.Storage.Tests.Sqlite;

/// <summary>
/// On SQLite the writer chains audit entries as it writes them (docs/AUDIT.md): nothing is left for the sealer, refused
/// writes rolled back inside a batch leave no hole, and entries written without a hash, or by another process on the
/// same file, still end up in one chain.
/// </summary>
public sealed class SqliteAuditChainTests : IDisposable
{
    private readonly SqliteFolder _folder = new("provisioning-audit-chain-");

    private static CancellationToken Ct => CancellationToken.None;

    private static AuditActor Actor => Caller.System.ActorAt(DateTimeOffset.UtcNow);

    [Fact]
    public async Task ConcurrentWritesWithRefusals_EveryEntryChainedInItsOwnCommit()
    {
        await using var store = await _folder.OpenAsync();
        // Every environment twice at once: half the writes are refused and rolled back inside the batches they share.
        var eids = Enumerable.Range(0, 100).Select(i => $"C{i:D3}").ToArray();
        var results = await Task.WhenAll(eids.Concat(eids).Select(eid => store.Tenants.CreateAsync(NewTenant(eid), Actor, Ct)));
        Assert.Equal(100, results.Count(r => r.IsOk));

        var entries = await AssertChainedWithoutSealingAsync(store);

        Assert.All(entries, e => Assert.Equal((long?)e.Id, e.Position));
    }

    [Fact]
    public async Task EntryWrittenWithoutAHash_IsChainedBeforeTheNextWrite()
    {
        await using var store = await _folder.OpenAsync();
        Assert.True((await store.Tenants.CreateAsync(NewTenant("H001"), Actor, Ct)).IsOk);
        // As a server from before entries were chained as written leaves them: the hash column's zeros.
        _folder.Execute("INSERT INTO audit_log (at, eid, login, operation, entity, object_key) VALUES (0, 'H001', 'old', 'v2:old', 'environment', 'H001')");

        Assert.True((await store.Tenants.CreateAsync(NewTenant("H002"), Actor, Ct)).IsOk);

        var entries = await AssertChainedWithoutSealingAsync(store);
        Assert.Contains(entries, e => e.Login == "old");
    }

    [Fact]
    public async Task TwoStoresOnOneFile_WritingInTurns_KeepOneChain()
    {
        await using var server = await _folder.OpenAsync();
        await using var commandLine = await _folder.OpenAsync();
        for (var i = 0; i < 10; i++)
        {
            Assert.True((await server.Tenants.CreateAsync(NewTenant($"S{i:D3}"), Actor, Ct)).IsOk);
            Assert.True((await commandLine.Tenants.CreateAsync(NewTenant($"L{i:D3}"), Actor, Ct)).IsOk);
        }

        await AssertChainedWithoutSealingAsync(server);
    }

    [Fact]
    public async Task LastEntriesDeletedPastTheTriggers_NextEntryIsNamedAfterTheGap()
    {
        await using var store = await _folder.OpenAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await store.Tenants.CreateAsync(NewTenant($"D{i:D3}"), Actor, Ct)).IsOk);
        }
        var last = (await store.Audit.ListAsync(new AuditQuery { NewestFirst = true }, 1, Ct))[0];
        _folder.Execute($"DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = {last.Id}");

        Assert.True((await store.Tenants.CreateAsync(NewTenant("D999"), Actor, Ct)).IsOk);

        var broken = (await AuditLog.VerifyAsync(store.Audit, Ct)).Break;
        Assert.Equal((last.Id + 1, AuditBreakKind.Removed), (broken?.EntryId, broken?.Kind));
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Every entry has its hash already (the sealer finds nothing to do), and the whole chain verifies.</summary>
    private static async Task<IReadOnlyList<AuditEntry>> AssertChainedWithoutSealingAsync(SqliteProvisioningStore store)
    {
        var entries = await store.Audit.ListAsync(new AuditQuery(), int.MaxValue, Ct);
        Assert.All(entries, e => Assert.NotNull(e.Hash));
        Assert.Equal(0, await store.Audit.SealAsync(Ct));
        var verification = await AuditLog.VerifyAsync(store.Audit, Ct);
        Assert.Null(verification.Break);
        Assert.Equal(entries.Count, verification.Verified);
        return entries;
    }

    private static Tenant NewTenant(string eid) => new() { Eid = eid, ShortName = "Env" + eid, DisplayName = "Environment " + eid };
}
