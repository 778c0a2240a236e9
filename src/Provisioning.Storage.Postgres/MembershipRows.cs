using Provisioning.Core.Model;

namespace Provisioning.Storage.Postgres;

/// <summary>Reads group memberships; seen from a user, each carries its group (without the group's members).</summary>
internal static class MembershipRows
{
    private const string Select = "SELECT m.id, m.user_id, m.group_id, m.is_primary, m.is_member, m.is_admin, m.is_supervisor, "
        + "m.valid_from, m.valid_until, g.name, g.non_modifiable, g.is_default, g.tenant_id, t.eid, t.short_name "
        + "FROM memberships m JOIN groups g ON g.id = m.group_id JOIN tenants t ON t.id = g.tenant_id";

    public static async Task<ILookup<long, GroupMembership>> ReadForUsersAsync(Db c, long[] userIds)
    {
        var rows = await c.ListAsync(
            $"{Select} WHERE m.user_id = ANY(@ids) ORDER BY m.user_id, m.id",
            r => new GroupMembership
            {
                Id = r.GetInt64(0),
                UserId = r.GetInt64(1),
                GroupId = r.GetInt64(2),
                Primary = r.GetBoolean(3),
                Member = r.Bool(4),
                Admin = r.Bool(5),
                Supervisor = r.Bool(6),
                ValidFrom = r.TimeOrNull(7),
                ValidUntil = r.TimeOrNull(8),
                Group = new Group
                {
                    Id = r.GetInt64(2),
                    Name = r.GetString(9),
                    NonModifiable = r.Bool(10),
                    IsDefault = r.GetBoolean(11),
                    TenantId = r.GetInt64(12),
                    Tenant = new TenantRef(r.GetString(13), r.GetString(14)),
                },
            },
            ("@ids", userIds));
        return rows.ToLookup(m => m.UserId!.Value);
    }
}
