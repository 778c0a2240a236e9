using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage;

internal sealed class SqlGroupReads(ISqlDatabase db) : IGroupReads
{
    public Task<Group?> FindByIdAsync(long id, CancellationToken cancellationToken) =>
        db.ReadAsync(c => GroupRows.ReadOneAsync(c, id), cancellationToken);

    public Task<Group?> FindByNameAsync(long tenantId, string name, CancellationToken cancellationToken) =>
        db.ReadAsync(
            async c => (await GroupRows.ReadAsync(c, "g.tenant_id = @t AND g.name_key = @k", 1, ("@t", tenantId), ("@k", Keys.Fold(name)))) is [var group] ? group : null,
            cancellationToken);

    public Task<IReadOnlyList<Group>> ListAsync(GroupQuery query, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<Group>>(
            async c => await GroupRows.ReadAsync(
                c,
                (query.TenantIds is null ? "TRUE" : c.Dialect.InList("g.tenant_id", "@tenants")) + " AND " + c.Dialect.Match("g.name_key", "@name", query.Name),
                limit,
                ("@tenants", query.TenantIds),
                ("@name", query.Name?.Key)),
            cancellationToken);
}
