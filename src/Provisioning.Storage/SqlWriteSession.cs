using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage;

/// <summary>
/// The write session both stores share: the statements Core's rules need, in the SQL both dialects understand, over
/// the connection and transaction of one write. The changes it announces are kept for after the commit.
/// </summary>
internal sealed partial class SqlWriteSession(SqlSession c) : IWriteSession
{
    /// <summary>What the write announced, to be raised once it is committed.</summary>
    public List<StoreChange> Changes { get; } = [];

    public ValueTask LockMembershipsAsync(long tenantId) => c.LockMembershipsAsync(tenantId);

    public ValueTask LockRoleHoldersAsync() => c.LockRoleHoldersAsync();

    public ValueTask AppendAuditAsync(AuditActor actor, AuditChange change) => AuditRows.AppendAsync(c, actor, change);

    public ValueTask NotifyAsync(StoreChange change)
    {
        Changes.Add(change);
        return c.AnnounceAsync(change);
    }

    public ValueTask<Tenant?> FindTenantAsync(long id, bool forUpdate) =>
        TenantRows.FindAsync(c, "id = @v", id, forUpdate ? c.Dialect.ForUpdate("tenants") : string.Empty);

    public ValueTask<bool> TenantKeyTakenAsync(StoreKey key, string folded, long exceptId) => key == StoreKey.Eid
        ? c.ExistsAsync("SELECT 1 FROM tenants WHERE eid_key = @k AND id <> @id", ("@k", folded), ("@id", exceptId))
        : c.ExistsAsync("SELECT 1 FROM tenants WHERE short_name_key = @k AND id <> @id", ("@k", folded), ("@id", exceptId));

    public ValueTask<long?> InsertTenantAsync(Tenant tenant) => c.InsertAsync(
        "INSERT INTO tenants (eid, eid_key, short_name, short_name_key, display_name, helpdesk_url, inactive, ondemand_max_call_age_hours, "
        + "ondemand_max_rows_per_user, partitions, archive_at_age_hours, delete_at_age_hours, archive_path) VALUES "
        + "(@eid, @eidKey, @name, @nameKey, @display, @url, @inactive, @age, @rows, @partitions, @archiveAt, @deleteAt, @path) ON CONFLICT DO NOTHING",
        TenantRows.Parameters(c.Dialect, tenant));

    public async ValueTask UpdateTenantAsync(Tenant tenant) => await c.ExecuteAsync(
        "UPDATE tenants SET short_name = @name, short_name_key = @nameKey, display_name = @display, helpdesk_url = @url, inactive = @inactive, "
        + "ondemand_max_call_age_hours = @age, ondemand_max_rows_per_user = @rows, partitions = @partitions, archive_at_age_hours = @archiveAt, "
        + "delete_at_age_hours = @deleteAt, archive_path = @path WHERE id = @id",
        [.. TenantRows.Parameters(c.Dialect, tenant), ("@id", tenant.Id)]);

    public async ValueTask<TenantContents> CountTenantContentsAsync(long tenantId) => new(
        await c.Int64Async("SELECT COUNT(*) FROM users WHERE tenant_id = @t", ("@t", tenantId)) ?? 0,
        await c.Int64Async("SELECT COUNT(*) FROM extensions WHERE tenant_id = @t", ("@t", tenantId)) ?? 0);

    public async ValueTask DeleteTenantAsync(long tenantId, string eidKey)
    {
        await c.ExecuteAsync("DELETE FROM groups WHERE tenant_id = @t", ("@t", tenantId));
        await c.ExecuteAsync("DELETE FROM storage_policies WHERE tenant_id = @t", ("@t", tenantId));
        await c.ExecuteAsync("DELETE FROM storage_folders WHERE tenant_id = @t", ("@t", tenantId));
        await c.ExecuteAsync("DELETE FROM login_attempts WHERE eid_key = @k", ("@k", eidKey));
        // Recorders stop naming it: an environment created later with the same eid is not theirs to record.
        await c.ExecuteAsync("DELETE FROM recorder_environments WHERE eid_key = @k", ("@k", eidKey));
        await c.ExecuteAsync("DELETE FROM tenants WHERE id = @t", ("@t", tenantId));
    }
}
