using System.Data.Common;
using Provisioning.Core.Model;

namespace Provisioning.Storage;

/// <summary>Reads environments.</summary>
internal static class TenantRows
{
    public const string Select = "SELECT id, eid, short_name, display_name, helpdesk_url, inactive, ondemand_max_call_age_hours, "
        + "ondemand_max_rows_per_user, partitions, archive_at_age_hours, delete_at_age_hours, archive_path FROM tenants";

    public static ValueTask<Tenant?> FindAsync(SqlSession c, string where, object value, string locking = "") =>
        c.FirstAsync($"{Select} WHERE {where}{locking}", Read, ("@v", value));

    public static Tenant Read(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Eid = r.GetString(1),
        ShortName = r.GetString(2),
        DisplayName = r.Text(3),
        HelpdeskUrl = r.Text(4),
        Inactive = r.GetBoolean(5),
        OndemandMaxCallAgeHoursInBuffer = r.Int32(6),
        OndemandMaxRowsInBufferPerUser = r.Int32(7),
        Partitions = r.Partitions(8),
        ArchiveAtAgeHours = r.Int32(9),
        DeleteAtAgeHours = r.Int32(10),
        ArchivePath = r.Text(11),
    };

    /// <summary>The parameters of an insert or update of every column.</summary>
    public static (string, object?)[] Parameters(SqlDialect dialect, Tenant t) =>
    [
        ("@eid", t.Eid), ("@eidKey", t.Eid is null ? null : Keys.Fold(t.Eid)), ("@name", t.ShortName), ("@nameKey", Keys.Fold(t.ShortName!)),
        ("@display", t.DisplayName), ("@url", t.HelpdeskUrl), ("@inactive", t.Inactive),
        ("@age", t.OndemandMaxCallAgeHoursInBuffer), ("@rows", t.OndemandMaxRowsInBufferPerUser), ("@partitions", dialect.Partitions(t.Partitions)),
        ("@archiveAt", t.ArchiveAtAgeHours), ("@deleteAt", t.DeleteAtAgeHours), ("@path", t.ArchivePath),
    ];
}
