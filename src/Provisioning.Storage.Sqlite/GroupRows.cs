using Microsoft.Data.Sqlite;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Sqlite;

/// <summary>Reads groups with their members; each member carries its user (roles and customs, no extensions or memberships).</summary>
internal static class GroupRows
{
    private const string Select = "SELECT g.id, g.tenant_id, t.eid, t.short_name, g.name, g.non_modifiable, g.is_default FROM groups g JOIN tenants t ON t.id = g.tenant_id";

    public static List<Group> Read(SqliteConnection c, string where, int limit, params (string, object?)[] parameters)
    {
        var command = Sql.Command(c, $"{Select} WHERE {where} ORDER BY g.id" + Sql.Limit(limit), parameters);
        var groups = new List<Group>();
        using (var r = command.ExecuteReader())
        {
            while (r.Read())
            {
                groups.Add(new Group
                {
                    Id = r.GetInt64(0),
                    TenantId = r.GetInt64(1),
                    Tenant = new TenantRef(r.GetString(2), r.GetString(3)),
                    Name = r.GetString(4),
                    NonModifiable = r.Bool(5),
                    IsDefault = r.GetInt64(6) != 0,
                });
            }
        }
        return groups.Count == 0 ? groups : WithMembers(c, groups);
    }

    public static Group? ReadOne(SqliteConnection c, long id) => Read(c, "g.id = @id", 1, ("@id", id)).FirstOrDefault();

    private static List<Group> WithMembers(SqliteConnection c, List<Group> groups)
    {
        var command = Sql.Command(
            c,
            "SELECT m.id, m.group_id, m.user_id, m.is_primary, m.is_member, m.is_admin, m.is_supervisor, m.valid_from, m.valid_until "
            + "FROM memberships m WHERE m.group_id IN (SELECT value FROM json_each(@ids)) ORDER BY m.group_id, m.id",
            ("@ids", Sql.JsonIds(groups.Select(g => g.Id!.Value))));
        var members = new List<GroupMembership>();
        using (var r = command.ExecuteReader())
        {
            while (r.Read())
            {
                members.Add(new GroupMembership
                {
                    Id = r.GetInt64(0),
                    GroupId = r.GetInt64(1),
                    UserId = r.GetInt64(2),
                    Primary = r.GetInt64(3) != 0,
                    Member = r.Bool(4),
                    Admin = r.Bool(5),
                    Supervisor = r.Bool(6),
                    ValidFrom = r.Time(7),
                    ValidUntil = r.Time(8),
                });
            }
        }
        var userIds = members.Select(m => m.UserId!.Value).Distinct().ToArray();
        var users = userIds.Length == 0
            ? []
            : UserRows.Read(c, "u.id IN (SELECT value FROM json_each(@ids))", UserParts.Roles | UserParts.Customs, int.MaxValue, ("@ids", Sql.JsonIds(userIds))).ToDictionary(u => u.Id!.Value);
        var byGroup = members.ToLookup(m => m.GroupId!.Value, m => m with { User = users.GetValueOrDefault(m.UserId!.Value) });
        return groups.ConvertAll(g => g with { Members = byGroup[g.Id!.Value].ToArray() });
    }
}
