using System.Data.Common;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage;

/// <summary>Reads groups with their members; each member carries its user (roles and customs, no extensions or memberships).</summary>
internal static class GroupRows
{
    private const string Select = "SELECT g.id, g.tenant_id, t.eid, t.short_name, g.name, g.non_modifiable, g.is_default FROM groups g JOIN tenants t ON t.id = g.tenant_id";

    public static async ValueTask<List<Group>> ReadAsync(SqlSession c, string where, int limit, params (string, object?)[] parameters)
    {
        var groups = await c.ListAsync($"{Select} WHERE {where} ORDER BY g.id" + SqlDialect.Limit(limit), Read, parameters);
        return groups.Count == 0 ? groups : await WithMembersAsync(c, groups);
    }

    public static async ValueTask<Group?> ReadOneAsync(SqlSession c, long id) =>
        (await ReadAsync(c, "g.id = @id", 1, ("@id", id))) is [var group] ? group : null;

    private static Group Read(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        TenantId = r.GetInt64(1),
        Tenant = new TenantRef(r.GetString(2), r.GetString(3)),
        Name = r.GetString(4),
        NonModifiable = r.Bool(5),
        IsDefault = r.GetBoolean(6),
    };

    private static async ValueTask<List<Group>> WithMembersAsync(SqlSession c, List<Group> groups)
    {
        var members = await MembershipRows.ReadForGroupsAsync(c, groups.ConvertAll(g => g.Id!.Value));
        var userIds = members.Select(m => m.UserId!.Value).Distinct().ToArray();
        var users = userIds.Length == 0
            ? []
            : (await UserRows.ReadAsync(c, c.Dialect.InList("u.id", "@ids"), UserParts.Roles | UserParts.Customs, int.MaxValue, ("@ids", userIds))).ToDictionary(u => u.Id!.Value);
        var byGroup = members.ToLookup(m => m.GroupId!.Value, m => m with { User = users.GetValueOrDefault(m.UserId!.Value) });
        return groups.ConvertAll(g => g with { Members = byGroup[g.Id!.Value].ToArray() });
    }
}
