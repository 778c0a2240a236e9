using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Postgres;

/// <summary>
/// The group writes, each one transaction holding its environment's membership lock from its first statement; they
/// keep every user with exactly one primary group.
/// </summary>
internal static class GroupWrites
{
    private const string Field = "group.users";

    public static async Task<StoreWrite<Group>> CreateAsync(Db c, Group group)
    {
        await Locks.MembershipsAsync(c, group.TenantId);
        var id = await c.Int64Async(
            "INSERT INTO groups (tenant_id, name, name_key, non_modifiable) VALUES (@t, @n, @k, @m) ON CONFLICT DO NOTHING RETURNING id",
            ("@t", group.TenantId), ("@n", group.Name), ("@k", Keys.Fold(group.Name!)), ("@m", group.NonModifiable));
        if (id is null)
        {
            return StoreWrite<Group>.Duplicate("name");
        }
        return await WriteMembersAsync(c, group with { Id = id }) ?? StoreWrite<Group>.Ok((await GroupRows.ReadOneAsync(c, id.Value))!);
    }

    /// <summary>Also returns the group as it was, read under the membership lock: the value this write replaces.</summary>
    public static async Task<(StoreWrite<Group> Result, Group? Before)> UpdateAsync(Db c, Group group, bool replaceMembers)
    {
        await Locks.MembershipsAsync(c, group.TenantId);
        var before = await GroupRows.ReadOneAsync(c, group.Id!.Value);
        if (before is null || before.TenantId != group.TenantId)
        {
            return (StoreWrite<Group>.NotFound(), before);
        }
        if (await c.ExistsAsync("SELECT 1 FROM groups WHERE tenant_id = @t AND name_key = @k AND id <> @id", ("@t", group.TenantId), ("@k", Keys.Fold(group.Name!)), ("@id", group.Id)))
        {
            return (StoreWrite<Group>.Duplicate("name"), before);
        }
        await c.ExecuteAsync(
            "UPDATE groups SET name = @n, name_key = @k, non_modifiable = @m WHERE id = @id",
            ("@n", group.Name), ("@k", Keys.Fold(group.Name!)), ("@m", group.NonModifiable), ("@id", group.Id));
        if (replaceMembers)
        {
            foreach (var stored in before.Members.Where(m => m.Primary == true))
            {
                if (!group.Members.Any(m => m.UserId == stored.UserId && m.Primary == true))
                {
                    return (StoreWrite<Group>.Refused(Failures.NoPrimaryGroup(Field, stored.UserId!.Value)), before);
                }
            }
            await c.ExecuteAsync(
                "DELETE FROM memberships WHERE group_id = @g AND NOT (user_id = ANY(@u))",
                ("@g", group.Id), ("@u", group.Members.Select(m => m.UserId!.Value).Distinct().ToArray()));
            if (await WriteMembersAsync(c, group) is { } refused)
            {
                return (refused, before);
            }
        }
        return (StoreWrite<Group>.Ok((await GroupRows.ReadOneAsync(c, group.Id.Value))!), before);
    }

    /// <summary>Also returns the group as it was, read under the membership lock.</summary>
    public static async Task<(StoreWrite<long> Result, Group? Before)> DeleteAsync(Db c, long id)
    {
        // A group never changes environment, so its environment is known before the lock is taken.
        if (await c.Int64Async("SELECT tenant_id FROM groups WHERE id = @id", ("@id", id)) is not { } tenantId)
        {
            return (StoreWrite<long>.NotFound(), null);
        }
        await Locks.MembershipsAsync(c, tenantId);
        var before = await GroupRows.ReadOneAsync(c, id);
        if (before is null)
        {
            return (StoreWrite<long>.NotFound(), null);
        }
        if (before.IsDefault)
        {
            return (StoreWrite<long>.Refused(Failures.DefaultGroupNotDeletable), before);
        }
        // Users whose primary group goes become primary members of their environment's default group.
        var homeless = before.Members.Where(m => m.Primary == true).Select(m => m.UserId!.Value).ToArray();
        await c.ExecuteAsync("DELETE FROM memberships WHERE group_id = @id", ("@id", id));
        await c.ExecuteAsync(
            "INSERT INTO memberships (group_id, user_id, is_primary, is_member) "
            + "SELECT d.id, u.id, true, true FROM unnest(@users) AS u(id) JOIN groups d ON d.tenant_id = @t AND d.is_default "
            + "ON CONFLICT (group_id, user_id) DO UPDATE SET is_primary = true",
            ("@users", homeless), ("@t", tenantId));
        await c.ExecuteAsync("DELETE FROM groups WHERE id = @id", ("@id", id));
        return (StoreWrite<long>.Ok(id), before);
    }

    private static async Task<StoreWrite<Group>?> WriteMembersAsync(Db c, Group group)
    {
        foreach (var member in group.Members)
        {
            var userId = member.UserId!.Value;
            if (!await c.ExistsAsync("SELECT 1 FROM users WHERE id = @u AND tenant_id = @t", ("@u", userId), ("@t", group.TenantId)))
            {
                return StoreWrite<Group>.MissingReference(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            var primaryElsewhere = await c.ExistsAsync("SELECT 1 FROM memberships WHERE user_id = @u AND is_primary AND group_id <> @g", ("@u", userId), ("@g", group.Id));
            if (member.Primary == true && primaryElsewhere)
            {
                return StoreWrite<Group>.Refused(Failures.TwoPrimaryGroups(Field, userId));
            }
            await MembershipWrites.UpsertAsync(c, member with { GroupId = group.Id });
        }
        return null;
    }
}
