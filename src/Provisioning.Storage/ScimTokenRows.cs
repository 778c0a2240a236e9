using System.Data.Common;
using Provisioning.Core.Scim;

namespace Provisioning.Storage;

/// <summary>Reads SCIM token rows with their environment's eid; the hash stays in the database.</summary>
internal static class ScimTokenRows
{
    private const string Select = "SELECT s.id, s.tenant_id, t.eid, s.name, s.created_at FROM scim_tokens s JOIN tenants t ON t.id = s.tenant_id";

    public static async ValueTask<ScimToken?> FindAsync(SqlSession c, string where, params (string, object?)[] parameters) =>
        (await c.ListAsync($"{Select} WHERE {where}", Read, parameters)) is [var token] ? token : null;

    public static async ValueTask<IReadOnlyList<ScimToken>> ListAsync(SqlSession c, long? tenantId) => await c.ListAsync(
        $"{Select} WHERE {(tenantId is null ? "TRUE" : "s.tenant_id = @t")} ORDER BY t.eid_key, s.name_key", Read, ("@t", tenantId));

    private static ScimToken Read(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        TenantId = r.GetInt64(1),
        Eid = r.GetString(2),
        Name = r.GetString(3),
        CreatedAt = r.Time(4)!.Value,
    };
}
