using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage;

internal sealed class SqlExtensionReads(ISqlDatabase db) : IExtensionReads
{
    public Task<Extension?> FindAsync(ExtensionKey key, CancellationToken cancellationToken) =>
        db.ReadAsync(
            async c => key.Id is null && key.Address is null
                ? null
                : (await ExtensionRows.WithUsersAsync(c, await c.ListAsync(
                    $"{ExtensionRows.Select} WHERE {ExtensionRows.KeyWhere(key)}",
                    ExtensionRows.Read,
                    ("@t", key.TenantId), ("@id", key.Id), ("@key", key.Address is null ? null : Keys.Fold(key.Address))))) is [var found, ..] ? found : null,
            cancellationToken);

    public Task<Extension?> FindByIdAsync(long id, CancellationToken cancellationToken) =>
        db.ReadAsync(
            async c => await ExtensionRows.WithUsersAsync(c, await c.ListAsync($"{ExtensionRows.Select} WHERE e.id = @id", ExtensionRows.Read, ("@id", id))) is [var found, ..] ? found : null,
            cancellationToken);

    public Task<IReadOnlyList<Extension>> ListAsync(ExtensionQuery query, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync(
            async c =>
            {
                // One environment (the usual case) is an equality the (tenant, address) index serves; several go through a list.
                var tenants = query.TenantIds switch
                {
                    null => "TRUE",
                    // A mode within one environment is read from the (tenant, mode, id) index of migration 0009, in id order.
                    [_] when query.Mode is not null => "e.tenant_id = @tenant",
                    _ when query.ByKey => c.Dialect.AmongRowsOf("e.tenant_id", "SELECT t.id FROM tenants t WHERE " + (query.TenantIds is [_] ? "t.id = @tenant" : c.Dialect.InList("t.id", "@tenants"))),
                    [_] => "e.tenant_id = @tenant",
                    _ => c.Dialect.InList("e.tenant_id", "@tenants"),
                };
                object? search = null;
                var address = query.Address is { Exact: false } contains ? c.Dialect.AddressContains("@address", contains.Key, out search) : c.Dialect.Match("e.address_key", "@address", query.Address);
                // Only the criteria given are written: "(@x IS NULL OR …)" costs the planner on every execution.
                var rows = await c.ListAsync(
                    $"{ExtensionRows.Select} WHERE {tenants} AND {address}"
                    + (query.UserId is null ? string.Empty : " AND e.user_id = @user")
                    + (query.AfterId is null ? string.Empty : " AND e.id > @after")
                    + (query.Mode is null ? string.Empty : " AND e.recording_mode = @mode")
                    + " ORDER BY e.id" + SqlDialect.Limit(limit),
                    ExtensionRows.Read,
                    ("@tenant", query.TenantIds is [var one] ? one : null),
                    ("@tenants", query.TenantIds is null or [_] ? null : query.TenantIds),
                    ("@address", query.Address?.Key),
                    ("@search", search),
                    ("@user", query.UserId),
                    ("@after", query.AfterId),
                    ("@mode", query.Mode is { } mode ? (int)mode : null));
                return await ExtensionRows.WithUsersAsync(c, rows);
            },
            cancellationToken);
}
