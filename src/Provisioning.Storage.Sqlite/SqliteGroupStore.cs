using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Sqlite;

internal sealed class SqliteGroupStore(SqliteDatabase db) : IGroupStore
{
    public Task<Group?> FindByIdAsync(long id, CancellationToken cancellationToken) =>
        db.ReadAsync(c => GroupRows.ReadOne(c, id), cancellationToken);

    public Task<Group?> FindByNameAsync(long tenantId, string name, CancellationToken cancellationToken) =>
        db.ReadAsync(c => GroupRows.Read(c, "g.tenant_id = @t AND g.name_key = @k", 1, ("@t", tenantId), ("@k", Keys.Fold(name))).FirstOrDefault(), cancellationToken);

    public Task<IReadOnlyList<Group>> ListAsync(GroupQuery query, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<Group>>(
            c => GroupRows.Read(
                c,
                "(@tenants IS NULL OR g.tenant_id IN (SELECT value FROM json_each(@tenants))) AND " + Sql.Match("g.name_key", "@name", query.Name),
                limit,
                ("@tenants", query.TenantIds is null ? null : Sql.JsonIds(query.TenantIds)),
                ("@name", query.Name?.Key)),
            cancellationToken);

    public Task<StoreWrite<Group>> CreateAsync(Group group, CancellationToken cancellationToken) =>
        db.WriteAuditedAsync(c => Audited(GroupWrites.Create(c, group), null));

    public Task<StoreWrite<Group>> UpdateAsync(Group group, bool replaceMembers, CancellationToken cancellationToken) =>
        db.WriteAuditedAsync(c =>
        {
            var before = GroupRows.ReadOne(c, group.Id!.Value);
            return Audited(GroupWrites.Update(c, group, replaceMembers), before);
        });

    public Task<StoreWrite<long>> DeleteAsync(long id, CancellationToken cancellationToken) =>
        db.WriteAuditedAsync(c =>
        {
            var before = GroupRows.ReadOne(c, id);
            var result = GroupWrites.Delete(c, id);
            return result.IsOk && before is not null
                ? result with { Change = new AuditChange(AuditChange.Group, before.Tenant.Eid!, before.Name!, before, null) }
                : result;
        });

    private static StoreWrite<Group> Audited(StoreWrite<Group> result, Group? before) =>
        result is { IsOk: true, Value: { } after }
            ? result with { Change = new AuditChange(AuditChange.Group, after.Tenant.Eid!, after.Name!, before, after) }
            : result;
}
