using System.Globalization;
using Microsoft.Data.Sqlite;
using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Sqlite;

internal sealed class SqliteTenantStore(SqliteDatabase db, Action<StoreChange> changed) : ITenantStore
{
    /// <summary>The name every environment's default group is created with.</summary>
    public const string DefaultGroupName = "Default group";

    private const string Columns = "id, eid, short_name, display_name, helpdesk_url, inactive, ondemand_max_call_age_hours, "
        + "ondemand_max_rows_per_user, partitions, archive_at_age_hours, delete_at_age_hours, archive_path";

    public Task<Tenant?> FindByIdAsync(long id, CancellationToken cancellationToken) =>
        db.ReadAsync(c => FindOne(c, "id = @v", id), cancellationToken);

    public Task<Tenant?> FindByEidAsync(string eid, CancellationToken cancellationToken) =>
        db.ReadAsync(c => FindOne(c, "eid_key = @v", Keys.Fold(eid)), cancellationToken);

    public Task<Tenant?> FindByShortNameAsync(string shortName, CancellationToken cancellationToken) =>
        db.ReadAsync(c => FindOne(c, "short_name_key = @v", Keys.Fold(shortName)), cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken) =>
        db.ReadAsync(c => Convert.ToInt32(Sql.Scalar(c, "SELECT COUNT(*) FROM tenants"), CultureInfo.InvariantCulture), cancellationToken);

    public Task<IReadOnlyList<Tenant>> ListAsync(TenantQuery query, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<Tenant>>(c =>
        {
            var command = Sql.Command(
                c,
                $"SELECT {Columns} FROM tenants WHERE "
                + Sql.Match("eid_key", "@eid", query.Eid) + " AND " + Sql.Match("short_name_key", "@name", query.ShortName)
                + " AND (@inactive IS NULL OR inactive = @inactive) AND (@only IS NULL OR id = @only) ORDER BY id" + Sql.Limit(limit),
                ("@eid", query.Eid?.Key),
                ("@name", query.ShortName?.Key),
                ("@inactive", query.Inactive),
                ("@only", query.OnlyTenantId));
            return ReadAll(command);
        }, cancellationToken);

    public Task<StoreWrite<Tenant>> CreateAsync(Tenant tenant, CancellationToken cancellationToken) =>
        db.WriteAuditedAsync(c =>
        {
            if (Taken(c, tenant, 0) is { } key)
            {
                return StoreWrite<Tenant>.Duplicate(key);
            }
            var id = Sql.Insert(
                c,
                "INSERT INTO tenants (eid, eid_key, short_name, short_name_key, display_name, helpdesk_url, inactive, ondemand_max_call_age_hours, "
                + "ondemand_max_rows_per_user, partitions, archive_at_age_hours, delete_at_age_hours, archive_path) VALUES "
                + "(@eid, @eidKey, @name, @nameKey, @display, @url, @inactive, @age, @rows, @partitions, @archiveAt, @deleteAt, @path)",
                Parameters(tenant))!.Value;
            Sql.Execute(c, "INSERT INTO groups (tenant_id, name, name_key, is_default) VALUES (@t, @n, @k, 1)", ("@t", id), ("@n", DefaultGroupName), ("@k", Keys.Fold(DefaultGroupName)));
            var created = FindOne(c, "id = @v", id)!;
            return StoreWrite<Tenant>.Ok(created, new AuditChange(AuditChange.Environment, created.Eid!, created.Eid!, null, created));
        });

    public async Task<StoreWrite<Tenant>> UpdateAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        var result = await UpdateOnWriterAsync(tenant);
        if (result.IsOk)
        {
            changed(new StoreChange(StoreChangeKind.TenantChanged, tenant.Id));
        }
        return result;
    }

    private Task<StoreWrite<Tenant>> UpdateOnWriterAsync(Tenant tenant) =>
        db.WriteAuditedAsync(c =>
        {
            if (FindOne(c, "id = @v", tenant.Id) is not { } before)
            {
                return StoreWrite<Tenant>.NotFound();
            }
            if (Taken(c, tenant, tenant.Id) is { } key)
            {
                return StoreWrite<Tenant>.Duplicate(key);
            }
            Sql.Execute(
                c,
                "UPDATE tenants SET short_name = @name, short_name_key = @nameKey, display_name = @display, helpdesk_url = @url, inactive = @inactive, "
                + "ondemand_max_call_age_hours = @age, ondemand_max_rows_per_user = @rows, partitions = @partitions, archive_at_age_hours = @archiveAt, "
                + "delete_at_age_hours = @deleteAt, archive_path = @path WHERE id = @id",
                [.. Parameters(tenant), ("@id", tenant.Id)]);
            var after = FindOne(c, "id = @v", tenant.Id)!;
            return StoreWrite<Tenant>.Ok(after, new AuditChange(AuditChange.Environment, after.Eid!, after.Eid!, before, after));
        });

    public Task<IReadOnlyList<TenantCounts>> CountContentsAsync(CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<TenantCounts>>(c =>
        {
            using var command = Sql.Command(
                c,
                "SELECT t.id, t.eid, t.short_name, (SELECT COUNT(*) FROM users u WHERE u.tenant_id = t.id), "
                + "(SELECT COUNT(*) FROM groups g WHERE g.tenant_id = t.id), (SELECT COUNT(*) FROM extensions e WHERE e.tenant_id = t.id) FROM tenants t ORDER BY t.id");
            using var r = command.ExecuteReader();
            var counts = new List<TenantCounts>();
            while (r.Read())
            {
                counts.Add(new TenantCounts(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5)));
            }
            return counts;
        }, cancellationToken);

    public Task<StoreWrite<Tenant>> DeleteAsync(long id, CancellationToken cancellationToken) =>
        db.WriteAuditedAsync(c =>
        {
            if (FindOne(c, "id = @v", id) is not { } before)
            {
                return StoreWrite<Tenant>.NotFound();
            }
            var users = Sql.ScalarInt64(c, "SELECT COUNT(*) FROM users WHERE tenant_id = @t", ("@t", id))!.Value;
            var extensions = Sql.ScalarInt64(c, "SELECT COUNT(*) FROM extensions WHERE tenant_id = @t", ("@t", id))!.Value;
            if (users + extensions > 0)
            {
                return StoreWrite<Tenant>.Refused(Core.Results.Failures.Illegal(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The environment {before.Eid} still has {users} users and {extensions} extensions; delete them first")));
            }
            Sql.Execute(c, "DELETE FROM groups WHERE tenant_id = @t", ("@t", id));
            Sql.Execute(c, "DELETE FROM login_attempts WHERE eid_key = @k", ("@k", Keys.Fold(before.Eid!)));
            Sql.Execute(c, "DELETE FROM tenants WHERE id = @t", ("@t", id));
            return StoreWrite<Tenant>.Ok(before, new AuditChange(AuditChange.Environment, before.Eid!, before.Eid!, before, null));
        });

    private static string? Taken(SqliteConnection c, Tenant tenant, long exceptId)
    {
        if (exceptId == 0 && Sql.Exists(c, "SELECT 1 FROM tenants WHERE eid_key = @k", ("@k", Keys.Fold(tenant.Eid!))))
        {
            return "eid";
        }
        return Sql.Exists(c, "SELECT 1 FROM tenants WHERE short_name_key = @k AND id <> @id", ("@k", Keys.Fold(tenant.ShortName!)), ("@id", exceptId))
            ? "shortName"
            : null;
    }

    private static (string, object?)[] Parameters(Tenant t) =>
    [
        ("@eid", t.Eid), ("@eidKey", t.Eid is null ? null : Keys.Fold(t.Eid)), ("@name", t.ShortName), ("@nameKey", Keys.Fold(t.ShortName!)),
        ("@display", t.DisplayName), ("@url", t.HelpdeskUrl), ("@inactive", t.Inactive),
        ("@age", t.OndemandMaxCallAgeHoursInBuffer), ("@rows", t.OndemandMaxRowsInBufferPerUser),
        ("@partitions", string.Join(',', t.Partitions.Select(p => p.ToString(CultureInfo.InvariantCulture)))),
        ("@archiveAt", t.ArchiveAtAgeHours), ("@deleteAt", t.DeleteAtAgeHours), ("@path", t.ArchivePath),
    ];

    private static Tenant? FindOne(SqliteConnection c, string where, object value)
    {
        var command = Sql.Command(c, $"SELECT {Columns} FROM tenants WHERE {where}", ("@v", value));
        return ReadAll(command).FirstOrDefault();
    }

    private static List<Tenant> ReadAll(SqliteCommand command)
    {
        using var r = command.ExecuteReader();
        var tenants = new List<Tenant>();
        while (r.Read())
        {
            tenants.Add(new Tenant
            {
                Id = r.GetInt64(0),
                Eid = r.GetString(1),
                ShortName = r.GetString(2),
                DisplayName = r.Text(3),
                HelpdeskUrl = r.Text(4),
                Inactive = r.GetInt64(5) != 0,
                OndemandMaxCallAgeHoursInBuffer = r.Int32(6),
                OndemandMaxRowsInBufferPerUser = r.Int32(7),
                Partitions = ParsePartitions(r.GetString(8)),
                ArchiveAtAgeHours = r.Int32(9),
                DeleteAtAgeHours = r.Int32(10),
                ArchivePath = r.Text(11),
            });
        }
        return tenants;
    }

    private static int[] ParsePartitions(string text) =>
        text.Length == 0 ? [] : text.Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
}
