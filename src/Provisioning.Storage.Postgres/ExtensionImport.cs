using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Postgres;

/// <summary>
/// One batch of a bulk import in one transaction, with the semantics of the SQLite store: each row is created, updated
/// or left unchanged (compared after its media change is applied to the stored value), or rejected alone when its user
/// is not in its environment; one audit entry per environment lists the created and updated addresses.
/// </summary>
internal static class ExtensionImport
{
    public static async Task<IReadOnlyList<ImportResult>> RunAsync(SqlSession c, IReadOnlyList<ExtensionWrite> rows, AuditActor actor)
    {
        var users = new Dictionary<(long, long), bool>();
        var changed = new Dictionary<long, ImportedKeys>();
        var results = new List<ImportResult>(rows.Count);
        foreach (var row in rows)
        {
            results.Add(await OneAsync(c, row, users, changed));
        }
        foreach (var (tenantId, keys) in changed)
        {
            var eid = (string)(await c.ScalarAsync("SELECT eid FROM tenants WHERE id = @t", ("@t", tenantId)))!;
            await AuditRows.AppendAsync(c, actor, new AuditChange(AuditChange.Extension, eid, ImportedKeys.AuditKey, null, keys));
        }
        return results;
    }

    private static async Task<ImportResult> OneAsync(SqlSession c, ExtensionWrite row, Dictionary<(long, long), bool> users, Dictionary<long, ImportedKeys> changed)
    {
        if (row.UserId is { } userId)
        {
            if (!users.TryGetValue((userId, row.TenantId), out var known))
            {
                known = await c.ExistsAsync("SELECT 1 FROM users WHERE id = @u AND tenant_id = @t", ("@u", userId), ("@t", row.TenantId));
                users[(userId, row.TenantId)] = known;
            }
            if (!known)
            {
                return ImportResult.Rejected(WriteStatus.MissingReference, StoreKey.User);
            }
        }
        var key = Keys.Fold(row.Address);
        var created = await c.InsertAsync(
            "INSERT INTO extensions (tenant_id, address, address_key, recording_mode, media, user_id) VALUES (@t, @a, @k, @m, @media, @u) "
            + "ON CONFLICT DO NOTHING",
            ("@t", row.TenantId), ("@a", row.Address), ("@k", key), ("@m", row.Mode), ("@media", row.Media.ApplyTo(RecordedMedia.None).Bits), ("@u", row.UserId));
        if (created is not null)
        {
            Record(changed, row, created: true);
            return ImportResult.Created;
        }
        var stored = (await c.ListAsync(
            "SELECT id, address, recording_mode, media, user_id FROM extensions WHERE tenant_id = @t AND address_key = @k FOR UPDATE",
            r => (Id: r.GetInt64(0), Address: r.GetString(1), Mode: (RecordingMode)r.GetInt32(2), Media: new RecordedMedia(r.GetInt32(3)), UserId: r.Int64(4)),
            ("@t", row.TenantId), ("@k", key))).Single();
        var media = row.Media.ApplyTo(stored.Media);
        if (stored.Address == row.Address && stored.Mode == row.Mode && stored.Media == media && stored.UserId == row.UserId)
        {
            return ImportResult.Unchanged;
        }
        await c.ExecuteAsync(
            "UPDATE extensions SET address = @a, recording_mode = @m, media = @media, user_id = @u WHERE id = @id",
            ("@a", row.Address), ("@m", row.Mode), ("@media", media.Bits), ("@u", row.UserId), ("@id", stored.Id));
        Record(changed, row, created: false);
        return ImportResult.Updated;
    }

    private static void Record(Dictionary<long, ImportedKeys> changed, ExtensionWrite row, bool created)
    {
        if (!changed.TryGetValue(row.TenantId, out var keys))
        {
            changed[row.TenantId] = keys = new ImportedKeys([], []);
        }
        (created ? keys.Created : keys.Updated).Add(row.Address);
    }
}
