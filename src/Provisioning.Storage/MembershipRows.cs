using System.Data.Common;
using Provisioning.Core.Model;

namespace Provisioning.Storage;

/// <summary>Reads group memberships: seen from a user each carries its group (without its members); seen from a group, its user.</summary>
internal static class MembershipRows
{
    private const string Columns = "m.id, m.user_id, m.group_id, m.is_primary, m.is_member, m.is_admin, m.is_supervisor, m.valid_from, m.valid_until";

    private const string WithGroup = $"SELECT {Columns}, g.name, g.non_modifiable, g.is_default, g.tenant_id, t.eid, t.short_name "
        + "FROM memberships m JOIN groups g ON g.id = m.group_id JOIN tenants t ON t.id = g.tenant_id";

    public static async ValueTask<ILookup<long, GroupMembership>> ReadForUsersAsync(SqlSession c, List<long> userIds) =>
        (await c.ListAsync($"{WithGroup} WHERE {c.Dialect.InList("m.user_id", "@ids")} ORDER BY m.user_id, m.id", ReadWithGroup, ("@ids", userIds)))
            .ToLookup(m => m.UserId!.Value);

    public static ValueTask<List<GroupMembership>> ReadForGroupsAsync(SqlSession c, List<long> groupIds) =>
        c.ListAsync($"SELECT {Columns} FROM memberships m WHERE {c.Dialect.InList("m.group_id", "@ids")} ORDER BY m.group_id, m.id", Read, ("@ids", groupIds));

    private static GroupMembership Read(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        UserId = r.GetInt64(1),
        GroupId = r.GetInt64(2),
        Primary = r.GetBoolean(3),
        Member = r.Bool(4),
        Admin = r.Bool(5),
        Supervisor = r.Bool(6),
        ValidFrom = r.Time(7),
        ValidUntil = r.Time(8),
    };

    private static GroupMembership ReadWithGroup(DbDataReader r) => Read(r) with
    {
        Group = new Group
        {
            Id = r.GetInt64(2),
            Name = r.GetString(9),
            NonModifiable = r.Bool(10),
            IsDefault = r.GetBoolean(11),
            TenantId = r.GetInt64(12),
            Tenant = new TenantRef(r.GetString(13), r.GetString(14)),
        },
    };
}
