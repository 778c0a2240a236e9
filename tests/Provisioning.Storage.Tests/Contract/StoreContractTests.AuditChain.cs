using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>The audit chain (docs/AUDIT.md): sealed after mixed traffic it verifies; an edited, removed or forged entry is named; archived entries leave a chain that still verifies.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    private static AuditActor ActorAt(DateTimeOffset at) => new(at, "T001:auditor", 42, "v3:test");

    [SkippableFact]
    public async Task AuditChain_MixedTraffic_VerifiesEveryEntry()
    {
        await MixedTrafficAsync(T0);

        var result = await AuditLog.VerifyAsync(Store.Audit, Ct);

        Assert.Null(result.Break);
        Assert.Equal((await AllAuditAsync()).Count, result.Verified);
        Assert.Equal(0, result.Unsealed);
    }

    [SkippableFact]
    public async Task AuditChain_EntryEditedPastTheTriggers_IsNamedAsChanged()
    {
        var edited = (await MixedTrafficAsync(T0))[3];
        await AuditLog.VerifyAsync(Store.Audit, Ct);

        await TamperAsync($"UPDATE audit_log SET after_json = '{{\"mode\":\"off\"}}' WHERE id = {edited.Id}");

        var broken = (await AuditLog.VerifyAsync(Store.Audit, Ct)).Break;
        Assert.Equal((edited.Id, AuditBreakKind.Changed), (broken?.EntryId, broken?.Kind));
    }

    [SkippableFact]
    public async Task AuditChain_EntryDeletedPastTheTriggers_IsNamedAtTheEntryAfterIt()
    {
        var entries = await MixedTrafficAsync(T0);
        await AuditLog.VerifyAsync(Store.Audit, Ct);

        await TamperAsync($"DELETE FROM audit_log WHERE id = {entries[4].Id}");

        var broken = (await AuditLog.VerifyAsync(Store.Audit, Ct)).Break;
        Assert.Equal((entries[5].Id, AuditBreakKind.Removed), (broken?.EntryId, broken?.Kind));
    }

    [SkippableFact]
    public async Task AuditChain_ForgedEntryInserted_IsNamedAsInserted()
    {
        var entries = await MixedTrafficAsync(T0);
        await AuditLog.VerifyAsync(Store.Audit, Ct);

        await fixture.ExecuteAsync(Store, fixture.CopyAuditEntry.Replace("@id", entries[2].Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var forged = (await Store.Audit.ListAsync(new AuditQuery(AfterId: entries[^1].Id), 1, Ct))[0];
        await MixedTrafficAsync(T0);

        var broken = (await AuditLog.VerifyAsync(Store.Audit, Ct)).Break;
        Assert.Equal((forged.Id, AuditBreakKind.Inserted), (broken?.EntryId, broken?.Kind));
    }

    [SkippableFact]
    public async Task AuditChain_EntryEdited_IsRefusedByTheTriggers()
    {
        var entry = (await MixedTrafficAsync(T0))[0];
        await AuditLog.VerifyAsync(Store.Audit, Ct);

        await Assert.ThrowsAnyAsync<Exception>(() => fixture.ExecuteAsync(Store, $"UPDATE audit_log SET login = 'x' WHERE id = {entry.Id}"));
        await Assert.ThrowsAnyAsync<Exception>(() => fixture.ExecuteAsync(Store, $"DELETE FROM audit_log WHERE id = {entry.Id}"));
        Assert.Null((await AuditLog.VerifyAsync(Store.Audit, Ct)).Break);
    }

    [SkippableFact]
    public async Task AuditArchive_OldEntries_FileAndLiveLogHoldTheWholeHistoryAndBothVerify()
    {
        var old = await MixedTrafficAsync(T0);
        var recent = await MixedTrafficAsync(T0.AddHours(2));
        var path = Path.Combine(Directory.CreateTempSubdirectory("audit-archive-").FullName, "old" + AuditArchiveFile.Extension);

        var result = await new AuditArchiver(Store).ArchiveAsync(T0.AddHours(1), path, ActorAt(T0.AddHours(3)), Ct);

        Assert.Equal((old.Count, (string?)null), (result.Archived, result.Break?.Message ?? result.Refusal));
        var live = await AuditLog.VerifyAsync(Store.Audit, Ct);
        var file = await AuditArchiveFile.VerifyAsync(path, Ct);
        Assert.Equal((true, true), (live.Intact, file.Intact));
        Assert.Equal(file.End, live.Start);
        var history = await new AuditHistory(Store.Audit, Path.GetDirectoryName(path)).ExportAsync(new AuditQuery(), Ct).ToListAsync(Ct);
        var prune = Assert.Single(history, e => e.Entity == AuditPrune.Entity);
        Assert.Equal([.. old.Select(e => e.Id), .. recent.Select(e => e.Id), prune.Id], history.Select(e => e.Id));
        Assert.Contains($"\"removed\":{old.Count},", prune.After, StringComparison.Ordinal);
        Assert.Contains($"\"lastHash\":\"{file.End.HashHex}\"", prune.After, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AuditArchive_TwiceAndThenMoreTraffic_KeepsOneVerifiableChain()
    {
        var folder = Directory.CreateTempSubdirectory("audit-archive-").FullName;
        await MixedTrafficAsync(T0);
        await new AuditArchiver(Store).ArchiveAsync(T0.AddHours(1), Path.Combine(folder, "1" + AuditArchiveFile.Extension), ActorAt(T0.AddHours(1)), Ct);
        await MixedTrafficAsync(T0.AddHours(2));

        var second = await new AuditArchiver(Store).ArchiveAsync(T0.AddHours(3), Path.Combine(folder, "2" + AuditArchiveFile.Extension), ActorAt(T0.AddHours(3)), Ct);

        Assert.True(second.Archived > 0);
        var live = await AuditLog.VerifyAsync(Store.Audit, Ct);
        Assert.Equal((true, second.Through), (live.Intact, live.Start));
        Assert.Equal(second.Through!.Position + 1, (await Store.Audit.ReadChainAsync(null, null, 1, Ct))[0].Position);
    }

    [SkippableFact]
    public async Task AuditRetention_FakeClockPastRetention_ArchivesAndRemovesOnlyWhatIsOlder()
    {
        var time = new FakeTimeProvider(T0.AddDays(10));
        var folder = Path.Combine(Directory.CreateTempSubdirectory("audit-retention-").FullName, "archive");
        var retention = new AuditRetention(new AuditArchiver(Store), new AuditOptions { Retention = TimeSpan.FromDays(7), ArchiveDirectory = folder }, time);
        var old = await MixedTrafficAsync(T0);
        var kept = await MixedTrafficAsync(T0.AddDays(5));

        Assert.Equal(old.Count, (await retention.RunOnceAsync(Ct))?.Archived);
        Assert.Equal(0, (await retention.RunOnceAsync(Ct))?.Archived);
        time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(kept.Count, (await retention.RunOnceAsync(Ct))?.Archived);

        Assert.Equal(2, AuditArchiveFile.In(folder).Count);
        var live = await AuditAsync();
        Assert.Equal([AuditRetention.Operation, AuditRetention.Operation], live.Select(e => e.Operation));
        Assert.True((await AuditLog.VerifyAsync(Store.Audit, Ct)).Intact);
    }

    /// <summary>Writes and then reads back every kind of change at <paramref name="at"/>: an environment, a user, extensions created, updated and deleted.</summary>
    private async Task<IReadOnlyList<AuditEntry>> MixedTrafficAsync(DateTimeOffset at)
    {
        var last = await AllAuditAsync() is [.., var newest] ? newest.Id : (long?)null;
        var tenant = await CreateTenantAsync(actor: ActorAt(at));
        AssertOk(await Store.Users.CreateAsync(WriteOf(NewUser(tenant) with { DisplayName = "Zoë + Ωmega" }, null), ActorAt(at), Ct));
        for (var i = 0; i < 3; i++)
        {
            var created = AssertOk(await Store.Extensions.CreateAsync(NewExtensionWrite(tenant, $"+49307{i}"), ActorAt(at), Ct));
            var key = new ExtensionKey(tenant.Id, created.Id, null);
            AssertOk(await Store.Extensions.UpdateAsync(key, NewExtensionWrite(tenant, $"+49307{i}") with { Mode = RecordingMode.OnDemand }, ActorAt(at), Ct));
            if (i == 1)
            {
                AssertOk(await Store.Extensions.DeleteAsync(key, ActorAt(at), Ct));
            }
        }
        return await AuditAsync(last);
    }

    private async Task TamperAsync(string sql)
    {
        await fixture.ExecuteAsync(Store, fixture.DropAuditTriggers);
        await fixture.ExecuteAsync(Store, sql);
    }

    private Task<IReadOnlyList<AuditEntry>> AllAuditAsync() => AuditAsync(null);

    private Task<IReadOnlyList<AuditEntry>> AuditAsync(long? afterId = null) => Store.Audit.ListAsync(new AuditQuery(AfterId: afterId), int.MaxValue, Ct);
}
