using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Writes;

/// <summary>
/// One batch of a bulk import, in one transaction: each row is created, updated or left unchanged (compared after its
/// media change is applied to the stored value), or rejected alone when its user is not in its environment; one audit
/// entry per environment lists the created and updated addresses.
/// </summary>
internal sealed class ExtensionImportBatch(IImportSession s)
{
    private readonly Dictionary<(long User, long Tenant), bool> _users = [];
    private readonly Dictionary<long, ImportedKeys> _changed = [];

    public static async ValueTask<IReadOnlyList<ImportResult>> RunAsync(IImportSession s, IReadOnlyList<ExtensionWrite> rows, AuditActor actor)
    {
        var batch = new ExtensionImportBatch(s);
        var results = new List<ImportResult>(rows.Count);
        foreach (var row in rows)
        {
            results.Add(await batch.OneAsync(row));
        }
        await batch.AuditAsync(actor);
        return results;
    }

    private async ValueTask<ImportResult> OneAsync(ExtensionWrite row)
    {
        if (row.UserId is { } userId && !await UserInTenantAsync(userId, row.TenantId))
        {
            return ImportResult.Rejected(WriteStatus.MissingReference, StoreKey.User);
        }
        // Inserted first: a new row then costs one statement, and an existing one is found by the conflict.
        if (await s.InsertExtensionAsync(ExtensionStore.Record(row, RecordedMedia.None)) is not null)
        {
            Record(row, created: true);
            return ImportResult.Created;
        }
        var stored = (await s.FindExtensionAsync(new ExtensionKey(row.TenantId, null, row.Address), forUpdate: true))!;
        var after = ExtensionStore.Record(row, stored.Media);
        if (after.Address == stored.Address && after.Mode == stored.Mode && after.Media == stored.Media && after.User?.Id == stored.User?.Id)
        {
            return ImportResult.Unchanged;
        }
        await s.UpdateExtensionAsync(stored.Id!.Value, after);
        Record(row, created: false);
        return ImportResult.Updated;
    }

    private async ValueTask<bool> UserInTenantAsync(long userId, long tenantId)
    {
        if (!_users.TryGetValue((userId, tenantId), out var found))
        {
            found = await s.FindUserTenantAsync(userId) == tenantId;
            _users[(userId, tenantId)] = found;
        }
        return found;
    }

    private void Record(ExtensionWrite row, bool created)
    {
        if (!_changed.TryGetValue(row.TenantId, out var keys))
        {
            _changed[row.TenantId] = keys = new ImportedKeys([], []);
        }
        (created ? keys.Created : keys.Updated).Add(row.Address);
    }

    /// <summary>
    /// One audit entry per batch and environment that lists the addresses created and updated: a full entry per row
    /// (about 12 µs each, with its JSON) alone would take more than the 10 s that a million rows may.
    /// </summary>
    private async ValueTask AuditAsync(AuditActor actor)
    {
        foreach (var (tenantId, keys) in _changed)
        {
            await ConfigurationLog.ChangedAsync(s, tenantId, keys.Created.Concat(keys.Updated));
            var eid = (await s.FindTenantAsync(tenantId, forUpdate: false))!.Eid!;
            await s.AppendAuditAsync(actor, new AuditChange(AuditChange.Extension, eid, ImportedKeys.AuditKey, null, keys));
        }
    }
}
