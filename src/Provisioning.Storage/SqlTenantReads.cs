using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage;

internal sealed class SqlTenantReads(ISqlDatabase db) : ITenantReads
{
    public Task<Tenant?> FindByIdAsync(long id, CancellationToken cancellationToken) =>
        db.ReadAsync(c => TenantRows.FindAsync(c, "id = @v", id), cancellationToken);

    public Task<Tenant?> FindByEidAsync(string eid, CancellationToken cancellationToken) =>
        db.ReadAsync(c => TenantRows.FindAsync(c, "eid_key = @v", Keys.Fold(eid)), cancellationToken);

    public Task<Tenant?> FindByShortNameAsync(string shortName, CancellationToken cancellationToken) =>
        db.ReadAsync(c => TenantRows.FindAsync(c, "short_name_key = @v", Keys.Fold(shortName)), cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken) =>
        db.ReadAsync(async c => (int)(await c.Int64Async("SELECT COUNT(*) FROM tenants") ?? 0), cancellationToken);

    public Task<IReadOnlyList<Tenant>> ListAsync(TenantQuery query, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<Tenant>>(
            async c => await c.ListAsync(
                $"{TenantRows.Select} WHERE " + c.Dialect.Match("eid_key", "@eid", query.Eid) + " AND " + c.Dialect.Match("short_name_key", "@name", query.ShortName)
                + (query.Inactive is null ? string.Empty : " AND inactive = @inactive")
                + (query.OnlyTenantId is null ? string.Empty : " AND id = @only") + " ORDER BY id" + SqlDialect.Limit(limit),
                TenantRows.Read,
                ("@eid", query.Eid?.Key), ("@name", query.ShortName?.Key), ("@inactive", query.Inactive), ("@only", query.OnlyTenantId)),
            cancellationToken);

    public Task<IReadOnlyList<TenantCounts>> CountContentsAsync(CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<TenantCounts>>(
            async c => await c.ListAsync(
                "SELECT t.id, t.eid, t.short_name, (SELECT COUNT(*) FROM users u WHERE u.tenant_id = t.id), "
                + "(SELECT COUNT(*) FROM groups g WHERE g.tenant_id = t.id), (SELECT COUNT(*) FROM extensions e WHERE e.tenant_id = t.id), "
                + "(SELECT COUNT(*) FROM storage_folders f WHERE f.tenant_id = t.id), (SELECT COUNT(*) FROM storage_policies p WHERE p.tenant_id = t.id) FROM tenants t ORDER BY t.id",
                r => new TenantCounts(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7))),
            cancellationToken);

    public Task<IReadOnlyList<TenantStatistics>> StatisticsAsync(IReadOnlyList<long>? tenantIds, DateTimeOffset now, TimeSpan idleTimeout, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<TenantStatistics>>(
            async c =>
            {
                var where = tenantIds is null ? "TRUE" : c.Dialect.InList("t.id", "@tenants");
                var modes = (await c.ListAsync(
                        $"SELECT e.tenant_id, e.recording_mode, COUNT(*) FROM extensions e JOIN tenants t ON t.id = e.tenant_id WHERE {where} GROUP BY e.tenant_id, e.recording_mode",
                        r => (Tenant: r.GetInt64(0), Mode: (RecordingMode)r.GetInt32(1), Count: r.GetInt64(2)),
                        ("@tenants", tenantIds)))
                    .ToLookup(m => m.Tenant);
                return await c.ListAsync(
                    "SELECT t.id, t.eid, t.short_name, (SELECT COUNT(*) FROM users u WHERE u.tenant_id = t.id), "
                    + "(SELECT COUNT(*) FROM groups g WHERE g.tenant_id = t.id), (SELECT COUNT(*) FROM extensions e WHERE e.tenant_id = t.id), "
                    + "(SELECT COUNT(DISTINCT re.recorder_id) FROM recorder_environments re WHERE re.eid_key = t.eid_key OR re.eid_key = @every), "
                    + "(SELECT COUNT(*) FROM tokens k JOIN users u ON u.id = k.user_id WHERE u.tenant_id = t.id AND k.released_at IS NULL AND k.expires_at > @now AND k.last_used_at > @idle) "
                    + $"FROM tenants t WHERE {where} ORDER BY t.id",
                    r => new TenantStatistics(
                        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5),
                        [.. Enum.GetValues<RecordingMode>().Select(m => (m, modes[r.GetInt64(0)].Where(x => x.Mode == m).Sum(x => x.Count)))],
                        r.GetInt64(6), r.GetInt64(7)),
                    ("@tenants", tenantIds), ("@every", Keys.Fold(Core.Recorders.Recorder.EveryEnvironment)), ("@now", now), ("@idle", now - idleTimeout));
            },
            cancellationToken);
}
