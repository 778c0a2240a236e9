using Provisioning.Core.Model;

namespace Provisioning.Storage;

/// <summary>The statements of group and membership writes.</summary>
internal sealed partial class SqlWriteSession
{
    public ValueTask<Group?> FindGroupAsync(long id) => GroupRows.ReadOneAsync(c, id);

    public ValueTask<long?> FindGroupTenantAsync(long groupId) => c.Int64Async("SELECT tenant_id FROM groups WHERE id = @id", ("@id", groupId));

    public ValueTask<long?> FindDefaultGroupAsync(long tenantId) =>
        c.Int64Async("SELECT id FROM groups WHERE tenant_id = @t AND is_default = TRUE", ("@t", tenantId));

    public ValueTask<bool> GroupNameTakenAsync(long tenantId, string nameKey, long exceptId) =>
        c.ExistsAsync("SELECT 1 FROM groups WHERE tenant_id = @t AND name_key = @k AND id <> @id", ("@t", tenantId), ("@k", nameKey), ("@id", exceptId));

    public ValueTask<long?> InsertGroupAsync(Group group, bool isDefault) => c.InsertAsync(
        "INSERT INTO groups (tenant_id, name, name_key, non_modifiable, is_default) VALUES (@t, @n, @k, @m, @d) ON CONFLICT DO NOTHING",
        ("@t", group.TenantId), ("@n", group.Name), ("@k", Keys.Fold(group.Name!)), ("@m", group.NonModifiable), ("@d", isDefault));

    public async ValueTask UpdateGroupAsync(Group group) => await c.ExecuteAsync(
        "UPDATE groups SET name = @n, name_key = @k, non_modifiable = @m WHERE id = @id",
        ("@n", group.Name), ("@k", Keys.Fold(group.Name!)), ("@m", group.NonModifiable), ("@id", group.Id));

    public async ValueTask DeleteGroupAsync(long id)
    {
        await c.ExecuteAsync("DELETE FROM memberships WHERE group_id = @id", ("@id", id));
        await c.ExecuteAsync("DELETE FROM groups WHERE id = @id", ("@id", id));
    }

    public ValueTask<bool> HasPrimaryElsewhereAsync(long userId, long groupId) =>
        c.ExistsAsync("SELECT 1 FROM memberships WHERE user_id = @u AND is_primary = TRUE AND group_id <> @g", ("@u", userId), ("@g", groupId));

    public async ValueTask UpsertMembershipAsync(GroupMembership m) => await c.ExecuteAsync(
        "INSERT INTO memberships (group_id, user_id, is_primary, is_member, is_admin, is_supervisor, valid_from) VALUES (@g, @u, @p, @m, @a, @s, @f) "
        + "ON CONFLICT (group_id, user_id) DO UPDATE SET is_primary = excluded.is_primary, is_member = excluded.is_member, "
        + "is_admin = excluded.is_admin, is_supervisor = excluded.is_supervisor",
        ("@g", m.GroupId), ("@u", m.UserId), ("@p", m.Primary == true), ("@m", m.Member), ("@a", m.Admin), ("@s", m.Supervisor), ("@f", m.ValidFrom));

    public async ValueTask MakePrimaryMembersAsync(long groupId, IReadOnlyList<long> userIds)
    {
        foreach (var userId in userIds)
        {
            await c.ExecuteAsync(
                "INSERT INTO memberships (group_id, user_id, is_primary, is_member) VALUES (@g, @u, TRUE, TRUE) "
                + "ON CONFLICT (group_id, user_id) DO UPDATE SET is_primary = TRUE",
                ("@g", groupId), ("@u", userId));
        }
    }

    public async ValueTask KeepMembershipsAsync(long userId, IReadOnlyList<long> groupIds)
    {
        await c.ExecuteAsync($"DELETE FROM memberships WHERE user_id = @u AND NOT ({c.Dialect.InList("group_id", "@groups")})", ("@u", userId), ("@groups", groupIds));
        await c.ExecuteAsync("UPDATE memberships SET is_primary = FALSE WHERE user_id = @u", ("@u", userId));
    }

    public async ValueTask KeepMembersAsync(long groupId, IReadOnlyList<long> userIds) =>
        await c.ExecuteAsync($"DELETE FROM memberships WHERE group_id = @g AND NOT ({c.Dialect.InList("user_id", "@users")})", ("@g", groupId), ("@users", userIds));
}
