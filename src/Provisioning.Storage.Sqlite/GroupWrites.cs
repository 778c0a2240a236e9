using Microsoft.Data.Sqlite;
using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Sqlite;

/// <summary>The group writes, each inside one savepoint; they keep every user with exactly one primary group.</summary>
internal static class GroupWrites
{
    private const string Field = "group.users";

    public static StoreWrite<Group> Create(SqliteConnection c, Group group)
    {
        if (NameTaken(c, group, 0))
        {
            return StoreWrite<Group>.Duplicate("name");
        }
        var id = Sql.Insert(
            c,
            "INSERT INTO groups (tenant_id, name, name_key, non_modifiable) VALUES (@t, @n, @k, @m)",
            ("@t", group.TenantId), ("@n", group.Name), ("@k", Keys.Fold(group.Name!)), ("@m", group.NonModifiable))!.Value;
        return WriteMembers(c, group with { Id = id }) ?? StoreWrite<Group>.Ok(GroupRows.ReadOne(c, id)!);
    }

    public static StoreWrite<Group> Update(SqliteConnection c, Group group, bool replaceMembers)
    {
        if (!Sql.Exists(c, "SELECT 1 FROM groups WHERE id = @id AND tenant_id = @t", ("@id", group.Id), ("@t", group.TenantId)))
        {
            return StoreWrite<Group>.NotFound();
        }
        if (NameTaken(c, group, group.Id!.Value))
        {
            return StoreWrite<Group>.Duplicate("name");
        }
        Sql.Execute(
            c,
            "UPDATE groups SET name = @n, name_key = @k, non_modifiable = @m WHERE id = @id",
            ("@n", group.Name), ("@k", Keys.Fold(group.Name!)), ("@m", group.NonModifiable), ("@id", group.Id));
        if (replaceMembers)
        {
            var stored = StoredMembers(c, group.Id.Value);
            var listed = group.Members.Select(m => m.UserId!.Value).ToHashSet();
            foreach (var (userId, primary) in stored)
            {
                var stillPrimary = group.Members.Any(m => m.UserId == userId && m.Primary == true);
                if (primary && !stillPrimary)
                {
                    return StoreWrite<Group>.Refused(Failures.NoPrimaryGroup(Field, userId));
                }
            }
            Sql.Execute(c, "DELETE FROM memberships WHERE group_id = @g AND user_id NOT IN (SELECT value FROM json_each(@u))", ("@g", group.Id), ("@u", Sql.JsonIds(listed)));
            if (WriteMembers(c, group) is { } refused)
            {
                return refused;
            }
        }
        return StoreWrite<Group>.Ok(GroupRows.ReadOne(c, group.Id.Value)!);
    }

    public static StoreWrite<long> Delete(SqliteConnection c, long id)
    {
        var isDefault = Sql.ScalarInt64(c, "SELECT is_default FROM groups WHERE id = @id", ("@id", id));
        if (isDefault is null)
        {
            return StoreWrite<long>.NotFound();
        }
        if (isDefault != 0)
        {
            return StoreWrite<long>.Refused(Failures.DefaultGroupNotDeletable);
        }
        // Users whose primary group goes become primary members of their environment's default group.
        var homeless = Sql.JsonIds(Ids(c, "SELECT user_id FROM memberships WHERE group_id = @id AND is_primary = 1", id));
        Sql.Execute(c, "DELETE FROM memberships WHERE group_id = @id", ("@id", id));
        Sql.Execute(
            c,
            "INSERT INTO memberships (group_id, user_id, is_primary, is_member) "
            + "SELECT d.id, u.value, 1, 1 FROM json_each(@users) u JOIN groups d ON d.tenant_id = (SELECT tenant_id FROM groups WHERE id = @id) AND d.is_default = 1 "
            + "WHERE true ON CONFLICT (group_id, user_id) DO UPDATE SET is_primary = 1",
            ("@users", homeless), ("@id", id));
        Sql.Execute(c, "DELETE FROM groups WHERE id = @id", ("@id", id));
        return StoreWrite<long>.Ok(id);
    }

    private static StoreWrite<Group>? WriteMembers(SqliteConnection c, Group group)
    {
        foreach (var member in group.Members)
        {
            var userId = member.UserId!.Value;
            if (!Sql.Exists(c, "SELECT 1 FROM users WHERE id = @u AND tenant_id = @t", ("@u", userId), ("@t", group.TenantId)))
            {
                return StoreWrite<Group>.MissingReference(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            var primaryElsewhere = Sql.Exists(c, "SELECT 1 FROM memberships WHERE user_id = @u AND is_primary = 1 AND group_id <> @g", ("@u", userId), ("@g", group.Id));
            if (member.Primary == true && primaryElsewhere)
            {
                return StoreWrite<Group>.Refused(Failures.TwoPrimaryGroups(Field, userId));
            }
            MembershipWrites.Upsert(c, member with { GroupId = group.Id });
        }
        return null;
    }

    private static List<long> Ids(SqliteConnection c, string sql, long id)
    {
        var command = Sql.Command(c, sql, ("@id", id));
        using var r = command.ExecuteReader();
        var ids = new List<long>();
        while (r.Read())
        {
            ids.Add(r.GetInt64(0));
        }
        return ids;
    }

    private static Dictionary<long, bool> StoredMembers(SqliteConnection c, long groupId)
    {
        var command = Sql.Command(c, "SELECT user_id, is_primary FROM memberships WHERE group_id = @g", ("@g", groupId));
        using var r = command.ExecuteReader();
        var members = new Dictionary<long, bool>();
        while (r.Read())
        {
            members[r.GetInt64(0)] = r.GetInt64(1) != 0;
        }
        return members;
    }

    private static bool NameTaken(SqliteConnection c, Group group, long exceptId) => Sql.Exists(
        c,
        "SELECT 1 FROM groups WHERE tenant_id = @t AND name_key = @k AND id <> @id",
        ("@t", group.TenantId), ("@k", Keys.Fold(group.Name!)), ("@id", exceptId));
}
