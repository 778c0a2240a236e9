using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Postgres;

/// <summary>Reads groups with their members; each member carries its user (roles and customs, no extensions or memberships).</summary>
internal static class GroupRows
{
    private const string Select = "SELECT g.id, g.tenant_id, t.eid, t.short_name, g.name, g.non_modifiable, g.is_default FROM groups g JOIN tenants t ON t.id = g.tenant_id";

    public static async Task<List<Group>> ReadAsync(Db c, string where, int limit, params (string, object?)[] parameters)
    {
        var groups = await c.ListAsync(
            $"{Select} WHERE {where} ORDER BY g.id LIMIT @limit",
            r => new Group
            {
                Id = r.GetInt64(0),
                TenantId = r.GetInt64(1),
                Tenant = new TenantRef(r.GetString(2), r.GetString(3)),
                Name = r.GetString(4),
                NonModifiable = r.Bool(5),
                IsDefault = r.GetBoolean(6),
            },
            [.. parameters, ("@limit", limit)]);
        return groups.Count == 0 ? groups : await WithMembersAsync(c, groups);
    }

    public static async Task<Group?> ReadOneAsync(Db c, long id) => (await ReadAsync(c, "g.id = @id", 1, ("@id", id))).FirstOrDefault();

    private static async Task<List<Group>> WithMembersAsync(Db c, List<Group> groups)
    {
        var members = await c.ListAsync(
            "SELECT m.id, m.group_id, m.user_id, m.is_primary, m.is_member, m.is_admin, m.is_supervisor, m.valid_from, m.valid_until "
            + "FROM memberships m WHERE m.group_id = ANY(@ids) ORDER BY m.group_id, m.id",
            r => new GroupMembership
            {
                Id = r.GetInt64(0),
                GroupId = r.GetInt64(1),
                UserId = r.GetInt64(2),
                Primary = r.GetBoolean(3),
                Member = r.Bool(4),
                Admin = r.Bool(5),
                Supervisor = r.Bool(6),
                ValidFrom = r.TimeOrNull(7),
                ValidUntil = r.TimeOrNull(8),
            },
            ("@ids", groups.Select(g => g.Id!.Value).ToArray()));
        var userIds = members.Select(m => m.UserId!.Value).Distinct().ToArray();
        var users = userIds.Length == 0
            ? []
            : (await UserRows.ReadAsync(c, "u.id = ANY(@ids)", UserParts.Roles | UserParts.Customs, userIds.Length, ("@ids", userIds))).ToDictionary(u => u.Id!.Value);
        var byGroup = members.ToLookup(m => m.GroupId!.Value, m => m with { User = users.GetValueOrDefault(m.UserId!.Value) });
        return groups.ConvertAll(g => g with { Members = byGroup[g.Id!.Value].ToArray() });
    }
}
