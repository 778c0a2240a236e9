using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Postgres;

internal sealed class PostgresGroupStore(PostgresDatabase db) : IGroupStore
{
    public Task<Group?> FindByIdAsync(long id, CancellationToken cancellationToken) =>
        db.ReadAsync(c => GroupRows.ReadOneAsync(c, id), cancellationToken);

    public Task<Group?> FindByNameAsync(long tenantId, string name, CancellationToken cancellationToken) =>
        db.ReadAsync(
            async c => (await GroupRows.ReadAsync(c, "g.tenant_id = @t AND g.name_key = @k", 1, ("@t", tenantId), ("@k", Keys.Fold(name)))).FirstOrDefault(),
            cancellationToken);

    public Task<IReadOnlyList<Group>> ListAsync(GroupQuery query, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<Group>>(
            async c => await GroupRows.ReadAsync(
                c,
                "(@tenants::bigint[] IS NULL OR g.tenant_id = ANY(@tenants)) AND " + Sql.Match("g.name_key", "@name", query.Name),
                limit,
                ("@tenants", Sql.Ids(query.TenantIds)),
                ("@name", query.Name?.Key)),
            cancellationToken);

    public Task<StoreWrite<Group>> CreateAsync(Group group, CancellationToken cancellationToken) =>
        db.WriteAuditedAsync(async c => Audited(await GroupWrites.CreateAsync(c, group), null), cancellationToken);

    public Task<StoreWrite<Group>> UpdateAsync(Group group, bool replaceMembers, CancellationToken cancellationToken) =>
        db.WriteAuditedAsync(async c =>
        {
            var (result, before) = await GroupWrites.UpdateAsync(c, group, replaceMembers);
            return Audited(result, before);
        }, cancellationToken);

    public Task<StoreWrite<long>> DeleteAsync(long id, CancellationToken cancellationToken) =>
        db.WriteAuditedAsync(async c =>
        {
            var (result, before) = await GroupWrites.DeleteAsync(c, id);
            return result.IsOk && before is not null
                ? result with { Change = new AuditChange(AuditChange.Group, before.Tenant.Eid!, before.Name!, before, null) }
                : result;
        }, cancellationToken);

    private static StoreWrite<Group> Audited(StoreWrite<Group> result, Group? before) =>
        result is { IsOk: true, Value: { } after }
            ? result with { Change = new AuditChange(AuditChange.Group, after.Tenant.Eid!, after.Name!, before, after) }
            : result;
}
