using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;
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

    [Fact]
    public async Task CompactEntries_ReadWithEveryFieldAndTheWholeValue_AndStoreTheRepeatedTextsOnce()
    {
        await using var store = await _folder.OpenAsync();
        var tenant = AssertCreated(await store.Tenants.CreateAsync(NewTenant("K001"), Actor, Ct));
        var actor = new AuditActor(DateTimeOffset.UnixEpoch.AddMilliseconds(1_796_000_000_123), "K001:admin", 7, "v2:createExtension");
        var atDefaults = AssertCreated(await store.Extensions.CreateAsync(NewExtension(tenant, "+4930100@k", RecordingMode.Full), actor, Ct));
        var other = AssertCreated(await store.Extensions.CreateAsync(NewExtension(tenant, "+4930101@k", RecordingMode.OnDemand), actor, Ct));
        AssertCreated(await store.Extensions.UpdateAsync(new ExtensionKey(tenant.Id, atDefaults.Id, null), NewExtension(tenant, "+4930100@k", RecordingMode.Controlled), actor, Ct));

        var entries = await store.Audit.ListAsync(new AuditQuery(Eid: "K001", Entity: AuditChange.Extension), 10, Ct);

        Assert.All(entries, e => Assert.Equal((actor.At, "K001", "K001:admin", (long?)7, "v2:createExtension", "extension"), (e.At, e.Eid, e.Login, e.TokenId, e.Operation, e.Entity)));
        Assert.Equal(
            [
                ("+4930100@k", null, $"{{\"id\":{atDefaults.Id},\"mode\":\"full\",\"media\":[\"voice\"]}}"),
                ("+4930101@k", null, $"{{\"id\":{other.Id},\"mode\":\"onDemand\",\"media\":[\"voice\"]}}"),
                ("+4930100@k", $"{{\"id\":{atDefaults.Id},\"mode\":\"full\"}}", $"{{\"id\":{atDefaults.Id},\"mode\":\"controlled\"}}"),
            ],
            entries.Select(e => (e.Key, e.Before, e.After)));
        // Stored: the created value at its defaults without them, the others whole; one context for the three entries
        // and one naming what was left out.
        Assert.Equal($"{{\"id\":{atDefaults.Id}}}", _folder.Scalar($"SELECT after_json FROM audit_entries WHERE id = {entries[0].Id}"));
        Assert.Equal(entries[1].After, _folder.Scalar($"SELECT after_json FROM audit_entries WHERE id = {entries[1].Id}"));
        Assert.Equal(2L, _folder.Scalar("SELECT COUNT(*) FROM audit_contexts WHERE eid = 'K001' AND entity = 'extension'"));
        await AssertChainedWithoutSealingAsync(store);
    }

    [Fact]
    public async Task CompactEntryPointedAtAContextThatLeavesNothingOut_IsNamedAsChanged()
    {
        await using var store = await _folder.OpenAsync();
        var tenant = AssertCreated(await store.Tenants.CreateAsync(NewTenant("K002"), Actor, Ct));
        AssertCreated(await store.Extensions.CreateAsync(NewExtension(tenant, "+4930200@k", RecordingMode.Full), Actor, Ct));
        AssertCreated(await store.Extensions.CreateAsync(NewExtension(tenant, "+4930201@k", RecordingMode.Full), Actor, Ct));
        var first = (await store.Audit.ListAsync(new AuditQuery(Eid: "K002", Entity: AuditChange.Extension), 1, Ct))[0];

        // The same names under a context that leaves nothing out: the entry then reads {"id":N}, without mode and media.
        _folder.Execute("DROP TRIGGER audit_log_no_update; "
            + "INSERT INTO audit_contexts (eid, login, token_id, operation, entity) SELECT eid, login, token_id, operation, entity FROM audit_contexts "
            + $"WHERE id = (SELECT context FROM audit_entries WHERE id = {first.Id}); "
            + $"UPDATE audit_entries SET context = last_insert_rowid() WHERE id = {first.Id}");
        Assert.Equal(first.After![..first.After!.IndexOf(',', StringComparison.Ordinal)] + "}", (await store.Audit.ListAsync(new AuditQuery(Eid: "K002", Entity: AuditChange.Extension), 1, Ct))[0].After);

        var broken = (await AuditLog.VerifyAsync(store.Audit, Ct)).Break;
        Assert.Equal((first.Id, AuditBreakKind.Changed), (broken?.EntryId, broken?.Kind));
    }

    [Fact]
    public async Task EntriesOfTheOneTableBeforeMigration11_VerifyInOneChainWithCompactEntriesAfterIt()
    {
        IReadOnlyList<AuditEntry> before;
        await using (var store = await _folder.OpenAsync())
        {
            var tenant = AssertCreated(await store.Tenants.CreateAsync(NewTenant("M001"), Actor, Ct));
            AssertCreated(await store.Extensions.CreateAsync(NewExtension(tenant, "+4930300@m", RecordingMode.Full), Actor, Ct));
            before = await store.Audit.ListAsync(new AuditQuery(), int.MaxValue, Ct);
        }
        // As a server before migration 0011 left the file: every text in every row, the created value whole.
        _folder.Execute(SqliteFolder.UndoCompactAudit + "DELETE FROM schema_migrations WHERE version = 11;");
        Assert.Equal(0L, _folder.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'audit_entries'"));

        await using (var store = await _folder.OpenAsync())
        {
            Assert.Equal(before, await store.Audit.ListAsync(new AuditQuery(), int.MaxValue, Ct), AuditEntryComparer.Instance);
            var tenant = await store.Tenants.FindByEidAsync("M001", Ct) ?? throw new InvalidOperationException("M001 is gone");
            AssertCreated(await store.Extensions.CreateAsync(NewExtension(tenant, "+4930301@m", RecordingMode.Full), Actor, Ct));

            var entries = await AssertChainedWithoutSealingAsync(store);
            Assert.Equal(before.Count + 1, entries.Count);
            var last = before[^1].Id + 1;
            Assert.Equal((last, "{\"id\":2}"), (entries[^1].Id, _folder.Scalar($"SELECT after_json FROM audit_entries WHERE id = {last}")));
            Assert.Equal(before[^1].After, _folder.Scalar($"SELECT after_json FROM audit_entries WHERE id = {before[^1].Id}"));
        }
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

    private static ExtensionWrite NewExtension(Tenant tenant, string address, RecordingMode mode) =>
        new(tenant.Id, address, mode, MediaChange.Exactly(new Extension().Media), null) { Tenant = tenant.Ref };

    private static T AssertCreated<T>(StoreWrite<T> write)
    {
        Assert.True(write.IsOk, $"Expected Ok, got {write.Status} {write.Refusal}");
        return write.Value!;
    }

    /// <summary>Entries compared field by field (the hash by its bytes).</summary>
    private sealed class AuditEntryComparer : IEqualityComparer<AuditEntry>
    {
        public static AuditEntryComparer Instance { get; } = new();

        public bool Equals(AuditEntry? x, AuditEntry? y) =>
            x is not null && y is not null && x with { Hash = null } == y with { Hash = null } && (x.Hash ?? []).AsSpan().SequenceEqual(y.Hash ?? []);

        public int GetHashCode(AuditEntry obj) => obj.Id.GetHashCode();
    }

    private static Tenant NewTenant(string eid) => new() { Eid = eid, ShortName = "Env" + eid, DisplayName = "Environment " + eid };
}
