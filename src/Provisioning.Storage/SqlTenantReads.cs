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
                + "(SELECT COUNT(*) FROM groups g WHERE g.tenant_id = t.id), (SELECT COUNT(*) FROM extensions e WHERE e.tenant_id = t.id) FROM tenants t ORDER BY t.id",
                r => new TenantCounts(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5))),
            cancellationToken);
}
