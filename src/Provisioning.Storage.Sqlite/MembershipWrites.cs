using Microsoft.Data.Sqlite;
using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Sqlite;

/// <summary>
/// Memberships seen from the user. A new user without any becomes a primary member of the default group; an update
/// without any leaves them as they are (an empty list cannot be told from an absent one, and none would be illegal).
/// Given memberships replace the user's: kept ones keep their id and validity start.
/// </summary>
internal static class MembershipWrites
{
    /// <summary>Returns why the memberships could not be written, or null.</summary>
    public static StoreWrite<User>? Replace(SqliteConnection c, User user, bool created)
    {
        if (user.Memberships.Count == 0)
        {
            if (created)
            {
                Sql.Execute(
                    c,
                    "INSERT INTO memberships (group_id, user_id, is_primary, is_member) SELECT id, @u, 1, 1 FROM groups WHERE tenant_id = @t AND is_default = 1",
                    ("@u", user.Id), ("@t", user.TenantId));
            }
            return null;
        }
        foreach (var membership in user.Memberships)
        {
            if (!Sql.Exists(c, "SELECT 1 FROM groups WHERE id = @g AND tenant_id = @t", ("@g", membership.GroupId), ("@t", user.TenantId)))
            {
                return StoreWrite<User>.Refused(Failures.DoesNotExist("user.groupMemberships.group.id", membership.GroupId ?? 0));
            }
        }
        Sql.Execute(
            c,
            "DELETE FROM memberships WHERE user_id = @u AND group_id NOT IN (SELECT value FROM json_each(@groups))",
            ("@u", user.Id), ("@groups", Sql.JsonIds(user.Memberships.Select(m => m.GroupId!.Value))));
        // Demote first, so the one-primary-per-user index never sees two during the upserts.
        Sql.Execute(c, "UPDATE memberships SET is_primary = 0 WHERE user_id = @u", ("@u", user.Id));
        foreach (var membership in user.Memberships)
        {
            Upsert(c, membership with { UserId = user.Id });
        }
        return null;
    }

    /// <summary>Inserts the membership of (group, user) or updates its flags, keeping id and validity start.</summary>
    public static void Upsert(SqliteConnection c, GroupMembership m) => Sql.Execute(
        c,
        "INSERT INTO memberships (group_id, user_id, is_primary, is_member, is_admin, is_supervisor, valid_from) VALUES (@g, @u, @p, @m, @a, @s, @f) "
        + "ON CONFLICT (group_id, user_id) DO UPDATE SET is_primary = excluded.is_primary, is_member = excluded.is_member, "
        + "is_admin = excluded.is_admin, is_supervisor = excluded.is_supervisor",
        ("@g", m.GroupId), ("@u", m.UserId), ("@p", m.Primary == true), ("@m", m.Member), ("@a", m.Admin), ("@s", m.Supervisor), ("@f", m.ValidFrom));
}
