using System.Data.Common;
using Provisioning.Core.Model;

namespace Provisioning.Storage;

/// <summary>Reads storage folders, and policies with their folder.</summary>
internal static class StorageRows
{
    private const string FolderColumns = "f.id, f.tenant_id, t.eid, t.short_name, f.name, f.path, f.type, f.enabled, f.description";

    private const string SelectFolders = $"SELECT {FolderColumns} FROM storage_folders f JOIN tenants t ON t.id = f.tenant_id";

    // The folder's columns come first (NULL without one), so one reader reads both.
    private const string SelectPolicies = $"SELECT {FolderColumns}, p.id, p.tenant_id, p.name, p.action, p.call_filter, p.custom_sql, p.decrypt, p.enabled, "
        + "p.engine_id, p.first_transcode, p.format, p.keep_cdr, p.language_id, p.move_to_recycle_bin, p.older_than_minutes, p.older_than_years, "
        + "p.only_for_archived, p.priority, p.folder_id, pt.eid, pt.short_name "
        + "FROM storage_policies p JOIN tenants pt ON pt.id = p.tenant_id LEFT JOIN storage_folders f ON f.id = p.folder_id LEFT JOIN tenants t ON t.id = f.tenant_id";

    public static ValueTask<List<StorageFolder>> FoldersAsync(SqlSession c, string where, int limit, params (string, object?)[] parameters) =>
        c.ListAsync($"{SelectFolders} WHERE {where} ORDER BY f.id" + SqlDialect.Limit(limit), ReadFolder, parameters);

    public static ValueTask<List<StoragePolicy>> PoliciesAsync(SqlSession c, string where, int limit, params (string, object?)[] parameters) =>
        c.ListAsync($"{SelectPolicies} WHERE {where} ORDER BY p.id" + SqlDialect.Limit(limit), ReadPolicy, parameters);

    public static async ValueTask<StorageFolder?> FolderAsync(SqlSession c, long id, string locking = "") =>
        (await c.ListAsync($"{SelectFolders} WHERE f.id = @id{locking}", ReadFolder, ("@id", id))) is [var folder] ? folder : null;

    public static async ValueTask<StoragePolicy?> PolicyAsync(SqlSession c, long id) =>
        (await PoliciesAsync(c, "p.id = @id", 1, ("@id", id))) is [var policy] ? policy : null;

    /// <summary>The condition that <paramref name="column"/> is among the environments bound to @tenants (all of them without a list).</summary>
    public static string InTenants(SqlDialect d, string column, IReadOnlyList<long>? tenantIds) => tenantIds is null ? "TRUE" : d.InList(column, "@tenants");

    public static (string, object?)[] FolderParameters(StorageFolder f) =>
    [
        ("@t", f.TenantId), ("@n", f.Name), ("@k", Keys.Fold(f.Name!)), ("@path", f.Path), ("@type", f.Type), ("@enabled", f.Enabled == true), ("@d", f.Description),
    ];

    public static (string, object?)[] PolicyParameters(StoragePolicy p) =>
    [
        ("@t", p.TenantId), ("@n", p.Name), ("@k", Keys.Fold(p.Name!)), ("@action", p.Action), ("@filter", p.CallFilter), ("@custom", p.CustomSql == true),
        ("@decrypt", p.Decrypt == true), ("@enabled", p.Enabled == true), ("@engine", p.EngineId), ("@first", p.FirstTranscode == true), ("@format", p.Format),
        ("@cdr", p.KeepCdr == true), ("@lang", p.LanguageId), ("@recycle", p.MoveToRecycleBin == true), ("@minutes", p.OlderThanMinutes),
        ("@years", p.OlderThanYears), ("@archived", p.OnlyForArchived == true), ("@priority", p.Priority), ("@folder", p.FolderId),
    ];

    private static StorageFolder ReadFolder(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        TenantId = r.GetInt64(1),
        Tenant = new TenantRef(r.GetString(2), r.GetString(3)),
        Name = r.GetString(4),
        Path = r.GetString(5),
        Type = r.GetString(6),
        Enabled = r.GetBoolean(7),
        Description = r.Text(8),
    };

    private static StoragePolicy ReadPolicy(DbDataReader r) => new()
    {
        Folder = r.IsDBNull(0) ? null : ReadFolder(r),
        Id = r.GetInt64(9),
        TenantId = r.GetInt64(10),
        Name = r.GetString(11),
        Action = r.GetString(12),
        CallFilter = r.Text(13),
        CustomSql = r.GetBoolean(14),
        Decrypt = r.GetBoolean(15),
        Enabled = r.GetBoolean(16),
        EngineId = r.Text(17),
        FirstTranscode = r.GetBoolean(18),
        Format = r.Text(19),
        KeepCdr = r.GetBoolean(20),
        LanguageId = r.Text(21),
        MoveToRecycleBin = r.GetBoolean(22),
        OlderThanMinutes = r.Int32(23),
        OlderThanYears = r.Int32(24),
        OnlyForArchived = r.GetBoolean(25),
        Priority = r.Int32(26),
        FolderId = r.Int64(27),
        Tenant = new TenantRef(r.GetString(28), r.GetString(29)),
    };
}
