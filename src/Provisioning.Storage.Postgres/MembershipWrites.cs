using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Postgres;

/// <summary>
/// Memberships seen from the user. A new user without any becomes a primary member of the default group; an update
/// without any leaves them as they are (an empty list cannot be told from an absent one, and none would be illegal).
/// Given memberships replace the user's: kept ones keep their id and validity start. Callers hold the environment's
/// membership lock (<see cref="Locks.MembershipsAsync"/>).
/// </summary>
internal static class MembershipWrites
{
    /// <summary>Returns why the memberships could not be written, or null.</summary>
    public static async Task<StoreWrite<User>?> ReplaceAsync(Db c, User user, bool created)
    {
        if (user.Memberships.Count == 0)
        {
            if (created)
            {
                await c.ExecuteAsync(
                    "INSERT INTO memberships (group_id, user_id, is_primary, is_member) SELECT id, @u, true, true FROM groups WHERE tenant_id = @t AND is_default",
                    ("@u", user.Id), ("@t", user.TenantId));
            }
            return null;
        }
        foreach (var membership in user.Memberships)
        {
            if (!await c.ExistsAsync("SELECT 1 FROM groups WHERE id = @g AND tenant_id = @t", ("@g", membership.GroupId), ("@t", user.TenantId)))
            {
                return StoreWrite<User>.Refused(Failures.DoesNotExist("user.groupMemberships.group.id", membership.GroupId ?? 0));
            }
        }
        await c.ExecuteAsync(
            "DELETE FROM memberships WHERE user_id = @u AND NOT (group_id = ANY(@groups))",
            ("@u", user.Id), ("@groups", user.Memberships.Select(m => m.GroupId!.Value).ToArray()));
        // Demote first, so the one-primary-per-user index never sees two during the upserts.
        await c.ExecuteAsync("UPDATE memberships SET is_primary = false WHERE user_id = @u", ("@u", user.Id));
        foreach (var membership in user.Memberships)
        {
            await UpsertAsync(c, membership with { UserId = user.Id });
        }
        return null;
    }

    /// <summary>Inserts the membership of (group, user) or updates its flags, keeping id and validity start.</summary>
    public static Task UpsertAsync(Db c, GroupMembership m) => c.ExecuteAsync(
        "INSERT INTO memberships (group_id, user_id, is_primary, is_member, is_admin, is_supervisor, valid_from) VALUES (@g, @u, @p, @m, @a, @s, @f) "
        + "ON CONFLICT (group_id, user_id) DO UPDATE SET is_primary = excluded.is_primary, is_member = excluded.is_member, "
        + "is_admin = excluded.is_admin, is_supervisor = excluded.is_supervisor",
        ("@g", m.GroupId), ("@u", m.UserId), ("@p", m.Primary == true), ("@m", m.Member), ("@a", m.Admin), ("@s", m.Supervisor), ("@f", m.ValidFrom));
}
