using System.Globalization;
using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Writes;

/// <summary>
/// Groups: the store's reads, and the writes with their rules. Each write holds its environment's membership lock from
/// its first statement, so "exactly one primary group per user" and the write it guards see no other such write between.
/// </summary>
public sealed class GroupStore(IGroupReads reads, IStoreWriter writer) : IGroupStore
{
    private const string Field = "group.users";

    public Task<Group?> FindByIdAsync(long id, CancellationToken cancellationToken) => reads.FindByIdAsync(id, cancellationToken);

    public Task<Group?> FindByNameAsync(long tenantId, string name, CancellationToken cancellationToken) => reads.FindByNameAsync(tenantId, name, cancellationToken);

    public Task<IReadOnlyList<Group>> ListAsync(GroupQuery query, int limit, CancellationToken cancellationToken) => reads.ListAsync(query, limit, cancellationToken);

    public Task<StoreWrite<Group>> CreateAsync(Group group, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                await s.LockMembershipsAsync(group.TenantId);
                if (await s.GroupNameTakenAsync(group.TenantId, Keys.Fold(group.Name!), 0) || await s.InsertGroupAsync(group, isDefault: false) is not { } id)
                {
                    return StoreWrite<Group>.Duplicate(StoreKey.GroupName);
                }
                if (await WriteMembersAsync(s, group with { Id = id }) is { } refused)
                {
                    return refused;
                }
                return await AuditedAsync(s, actor, id, null);
            },
            cancellationToken);

    public Task<StoreWrite<Group>> UpdateAsync(Group group, bool replaceMembers, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                await s.LockMembershipsAsync(group.TenantId);
                var before = await s.FindGroupAsync(group.Id!.Value);
                if (before is null || before.TenantId != group.TenantId)
                {
                    return StoreWrite<Group>.NotFound();
                }
                if (await s.GroupNameTakenAsync(group.TenantId, Keys.Fold(group.Name!), group.Id.Value))
                {
                    return StoreWrite<Group>.Duplicate(StoreKey.GroupName);
                }
                await s.UpdateGroupAsync(group);
                if (replaceMembers && await ReplaceMembersAsync(s, group, before) is { } refused)
                {
                    return refused;
                }
                return await AuditedAsync(s, actor, group.Id.Value, before);
            },
            cancellationToken);

    public Task<StoreWrite<long>> DeleteAsync(long id, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                // A group never changes environment, so its environment is known before the lock is taken.
                if (await s.FindGroupTenantAsync(id) is not { } tenantId)
                {
                    return StoreWrite<long>.NotFound();
                }
                await s.LockMembershipsAsync(tenantId);
                if (await s.FindGroupAsync(id) is not { } before)
                {
                    return StoreWrite<long>.NotFound();
                }
                if (before.IsDefault)
                {
                    return StoreWrite<long>.Refused(Failures.DefaultGroupNotDeletable);
                }
                // Users whose primary group goes become primary members of their environment's default group.
                var homeless = before.Members.Where(m => m.Primary == true).Select(m => m.UserId!.Value).ToArray();
                await s.DeleteGroupAsync(id);
                if (homeless.Length > 0 && await s.FindDefaultGroupAsync(tenantId) is { } defaultGroup)
                {
                    await s.MakePrimaryMembersAsync(defaultGroup, homeless);
                }
                await s.AppendAuditAsync(actor, new AuditChange(AuditChange.Group, before.Tenant.Eid!, before.Name!, before, null));
                return StoreWrite<long>.Ok(id);
            },
            cancellationToken);

    /// <summary>The members as listed; a primary member of the group that the list no longer makes primary would have none.</summary>
    private static async ValueTask<StoreWrite<Group>?> ReplaceMembersAsync(IWriteSession s, Group group, Group before)
    {
        foreach (var stored in before.Members.Where(m => m.Primary == true))
        {
            if (!group.Members.Any(m => m.UserId == stored.UserId && m.Primary == true))
            {
                return StoreWrite<Group>.Refused(Failures.NoPrimaryGroup(Field, stored.UserId!.Value));
            }
        }
        await s.KeepMembersAsync(group.Id!.Value, group.Members.Select(m => m.UserId!.Value).Distinct().ToArray());
        return await WriteMembersAsync(s, group);
    }

    private static async ValueTask<StoreWrite<Group>?> WriteMembersAsync(IWriteSession s, Group group)
    {
        foreach (var member in group.Members)
        {
            var userId = member.UserId!.Value;
            if (await s.FindUserTenantAsync(userId) != group.TenantId)
            {
                return StoreWrite<Group>.MissingReference(StoreKey.User, userId.ToString(CultureInfo.InvariantCulture));
            }
            if (member.Primary == true && await s.HasPrimaryElsewhereAsync(userId, group.Id!.Value))
            {
                return StoreWrite<Group>.Refused(Failures.TwoPrimaryGroups(Field, userId));
            }
            await s.UpsertMembershipAsync(member with { GroupId = group.Id });
        }
        return null;
    }

    private static async ValueTask<StoreWrite<Group>> AuditedAsync(IWriteSession s, AuditActor actor, long id, Group? before)
    {
        var after = (await s.FindGroupAsync(id))!;
        await s.AppendAuditAsync(actor, new AuditChange(AuditChange.Group, after.Tenant.Eid!, after.Name!, before, after));
        return StoreWrite<Group>.Ok(after);
    }
}
