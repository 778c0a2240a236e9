using Npgsql;
using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Postgres;

internal sealed class PostgresTenantStore(PostgresDatabase db, ChangeFeed feed) : ITenantStore
{
    /// <summary>The name every environment's default group is created with.</summary>
    public const string DefaultGroupName = "Default group";

    private const string Columns = "id, eid, short_name, display_name, helpdesk_url, inactive, ondemand_max_call_age_hours, "
        + "ondemand_max_rows_per_user, partitions, archive_at_age_hours, delete_at_age_hours, archive_path";

    public Task<Tenant?> FindByIdAsync(long id, CancellationToken cancellationToken) =>
        db.ReadAsync(c => FindOneAsync(c, "id = @v", id), cancellationToken);

    public Task<Tenant?> FindByEidAsync(string eid, CancellationToken cancellationToken) =>
        db.ReadAsync(c => FindOneAsync(c, "eid_key = @v", Keys.Fold(eid)), cancellationToken);

    public Task<Tenant?> FindByShortNameAsync(string shortName, CancellationToken cancellationToken) =>
        db.ReadAsync(c => FindOneAsync(c, "short_name_key = @v", Keys.Fold(shortName)), cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken) =>
        db.ReadAsync(async c => (int)(await c.Int64Async("SELECT COUNT(*) FROM tenants") ?? 0), cancellationToken);

    public Task<IReadOnlyList<Tenant>> ListAsync(TenantQuery query, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<Tenant>>(
            async c => await c.ListAsync(
                $"SELECT {Columns} FROM tenants WHERE "
                + Sql.Match("eid_key", "@eid", query.Eid) + " AND " + Sql.Match("short_name_key", "@name", query.ShortName)
                + " AND (@inactive::boolean IS NULL OR inactive = @inactive) AND (@only::bigint IS NULL OR id = @only) ORDER BY id LIMIT @limit",
                Read,
                ("@eid", query.Eid?.Key),
                ("@name", query.ShortName?.Key),
                ("@inactive", query.Inactive),
                ("@only", query.OnlyTenantId),
                ("@limit", limit)),
            cancellationToken);

    public Task<StoreWrite<Tenant>> CreateAsync(Tenant tenant, CancellationToken cancellationToken) =>
        db.WriteAuditedAsync(async c =>
        {
            if (await TakenAsync(c, tenant, 0) is { } key)
            {
                return StoreWrite<Tenant>.Duplicate(key);
            }
            var id = await c.Int64Async(
                "INSERT INTO tenants (eid, eid_key, short_name, short_name_key, display_name, helpdesk_url, inactive, ondemand_max_call_age_hours, "
                + "ondemand_max_rows_per_user, partitions, archive_at_age_hours, delete_at_age_hours, archive_path) VALUES "
                + "(@eid, @eidKey, @name, @nameKey, @display, @url, @inactive, @age, @rows, @partitions, @archiveAt, @deleteAt, @path) "
                + "ON CONFLICT DO NOTHING RETURNING id",
                Parameters(tenant));
            if (id is null)
            {
                // Another writer took a key between the check and the insert; its row is committed, so visible now.
                return StoreWrite<Tenant>.Duplicate(await TakenAsync(c, tenant, 0) ?? "eid");
            }
            await c.ExecuteAsync(
                "INSERT INTO groups (tenant_id, name, name_key, is_default) VALUES (@t, @n, @k, true)",
                ("@t", id), ("@n", DefaultGroupName), ("@k", Keys.Fold(DefaultGroupName)));
            var created = (await FindOneAsync(c, "id = @v", id.Value))!;
            return StoreWrite<Tenant>.Ok(created, new AuditChange(AuditChange.Environment, created.Eid!, created.Eid!, null, created));
        }, cancellationToken);

    public async Task<StoreWrite<Tenant>> UpdateAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        var result = await UpdateInTransactionAsync(tenant, cancellationToken);
        if (result.IsOk)
        {
            feed.Raise(new StoreChange(StoreChangeKind.TenantChanged, tenant.Id));
        }
        return result;
    }

    public Task<IReadOnlyList<TenantCounts>> CountContentsAsync(CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<TenantCounts>>(
            async c => await c.ListAsync(
                "SELECT t.id, t.eid, t.short_name, (SELECT COUNT(*) FROM users u WHERE u.tenant_id = t.id), "
                + "(SELECT COUNT(*) FROM groups g WHERE g.tenant_id = t.id), (SELECT COUNT(*) FROM extensions e WHERE e.tenant_id = t.id) FROM tenants t ORDER BY t.id",
                r => new TenantCounts(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5))),
            cancellationToken);

    public Task<StoreWrite<Tenant>> DeleteAsync(long id, CancellationToken cancellationToken) =>
        db.WriteAuditedAsync(async c =>
        {
            if (await FindOneAsync(c, "id = @v FOR UPDATE", id) is not { } before)
            {
                return StoreWrite<Tenant>.NotFound();
            }
            var users = await c.Int64Async("SELECT COUNT(*) FROM users WHERE tenant_id = @t", ("@t", id)) ?? 0;
            var extensions = await c.Int64Async("SELECT COUNT(*) FROM extensions WHERE tenant_id = @t", ("@t", id)) ?? 0;
            if (users + extensions > 0)
            {
                return StoreWrite<Tenant>.Refused(Core.Results.Failures.Illegal(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"The environment {before.Eid} still has {users} users and {extensions} extensions; delete them first")));
            }
            await c.ExecuteAsync("DELETE FROM groups WHERE tenant_id = @t", ("@t", id));
            await c.ExecuteAsync("DELETE FROM login_attempts WHERE eid_key = @k", ("@k", Keys.Fold(before.Eid!)));
            await c.ExecuteAsync("DELETE FROM tenants WHERE id = @t", ("@t", id));
            await ChangeFeed.NotifyAsync(c, new StoreChange(StoreChangeKind.TenantChanged, id));
            return StoreWrite<Tenant>.Ok(before, new AuditChange(AuditChange.Environment, before.Eid!, before.Eid!, before, null));
        }, cancellationToken);

    private Task<StoreWrite<Tenant>> UpdateInTransactionAsync(Tenant tenant, CancellationToken cancellationToken) =>
        db.WriteAuditedAsync(async c =>
        {
            if (await FindOneAsync(c, "id = @v FOR UPDATE", tenant.Id) is not { } before)
            {
                return StoreWrite<Tenant>.NotFound();
            }
            if (await TakenAsync(c, tenant, tenant.Id) is { } key)
            {
                return StoreWrite<Tenant>.Duplicate(key);
            }
            await c.ExecuteAsync(
                "UPDATE tenants SET short_name = @name, short_name_key = @nameKey, display_name = @display, helpdesk_url = @url, inactive = @inactive, "
                + "ondemand_max_call_age_hours = @age, ondemand_max_rows_per_user = @rows, partitions = @partitions, archive_at_age_hours = @archiveAt, "
                + "delete_at_age_hours = @deleteAt, archive_path = @path WHERE id = @id",
                [.. Parameters(tenant), ("@id", tenant.Id)]);
            var after = (await FindOneAsync(c, "id = @v", tenant.Id))!;
            await ChangeFeed.NotifyAsync(c, new StoreChange(StoreChangeKind.TenantChanged, tenant.Id));
            return StoreWrite<Tenant>.Ok(after, new AuditChange(AuditChange.Environment, after.Eid!, after.Eid!, before, after));
        }, cancellationToken);

    private static async Task<string?> TakenAsync(Db c, Tenant tenant, long exceptId)
    {
        if (exceptId == 0 && await c.ExistsAsync("SELECT 1 FROM tenants WHERE eid_key = @k", ("@k", Keys.Fold(tenant.Eid!))))
        {
            return "eid";
        }
        return await c.ExistsAsync("SELECT 1 FROM tenants WHERE short_name_key = @k AND id <> @id", ("@k", Keys.Fold(tenant.ShortName!)), ("@id", exceptId))
            ? "shortName"
            : null;
    }

    private static (string, object?)[] Parameters(Tenant t) =>
    [
        ("@eid", t.Eid), ("@eidKey", t.Eid is null ? null : Keys.Fold(t.Eid)), ("@name", t.ShortName), ("@nameKey", Keys.Fold(t.ShortName!)),
        ("@display", t.DisplayName), ("@url", t.HelpdeskUrl), ("@inactive", t.Inactive),
        ("@age", t.OndemandMaxCallAgeHoursInBuffer), ("@rows", t.OndemandMaxRowsInBufferPerUser), ("@partitions", t.Partitions.ToArray()),
        ("@archiveAt", t.ArchiveAtAgeHours), ("@deleteAt", t.DeleteAtAgeHours), ("@path", t.ArchivePath),
    ];

    private static async Task<Tenant?> FindOneAsync(Db c, string where, object value) =>
        (await c.ListAsync($"SELECT {Columns} FROM tenants WHERE {where}", Read, ("@v", value))).FirstOrDefault();

    private static Tenant Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Eid = r.GetString(1),
        ShortName = r.GetString(2),
        DisplayName = r.Text(3),
        HelpdeskUrl = r.Text(4),
        Inactive = r.GetBoolean(5),
        OndemandMaxCallAgeHoursInBuffer = r.Int32(6),
        OndemandMaxRowsInBufferPerUser = r.Int32(7),
        Partitions = r.GetFieldValue<int[]>(8),
        ArchiveAtAgeHours = r.Int32(9),
        DeleteAtAgeHours = r.Int32(10),
        ArchivePath = r.Text(11),
    };
}
