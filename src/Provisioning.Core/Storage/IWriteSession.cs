using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>
/// What a write may do inside its one transaction: read what a rule needs, write rows, append audit entries, announce
/// changes. It holds no rule: Core decides, the store runs the SQL. Keys are folded (<see cref="Keys.Fold"/>) by
/// Core. An insert of a taken natural key inserts nothing and answers null. A store with one writer runs the
/// locks as no-ops; one shared by several writers takes them until the transaction ends.
/// </summary>
public interface IWriteSession : IImportSession, IRecorderSession, IStorageSession, IScimTokenSession
{
    /// <summary>Serialises the writes that change the memberships of one environment's users. Taken first.</summary>
    ValueTask LockMembershipsAsync(long tenantId);

    /// <summary>Serialises the writes that could remove the last holder of a role; taken after the membership lock.</summary>
    ValueTask LockRoleHoldersAsync();

    ValueTask<bool> TenantKeyTakenAsync(StoreKey key, string folded, long exceptId);

    ValueTask<long?> InsertTenantAsync(Tenant tenant);

    /// <summary>Every field but the eid.</summary>
    ValueTask UpdateTenantAsync(Tenant tenant);

    ValueTask<TenantContents> CountTenantContentsAsync(long tenantId);

    /// <summary>Deletes the environment with its groups and the login attempts counted for it.</summary>
    ValueTask DeleteTenantAsync(long tenantId, string eidKey);

    ValueTask<User?> FindUserAsync(long id, UserParts parts);

    ValueTask<bool> LoginTakenAsync(long tenantId, string loginKey, long exceptId);

    ValueTask<long?> InsertUserAsync(long tenantId, string loginName, string? passwordHash);

    /// <summary>Login name, every field, and the password hash unless it is null.</summary>
    ValueTask UpdateUserAsync(User user, string? passwordHash);

    ValueTask ReplaceRolesAsync(long userId, IReadOnlyList<string> roles);

    ValueTask ReplaceCustomsAsync(long userId, IReadOnlyList<string> customs);

    /// <summary>Deletes the user with its roles, customs, tokens and memberships; its extensions stay, unlinked.</summary>
    ValueTask<bool> DeleteUserAsync(long id);

    /// <summary>How many unlocked users hold the role (folded), or, with <paramref name="userId"/>, whether that one does (1 or 0).</summary>
    ValueTask<long> CountUnlockedHoldersAsync(string roleKey, long? userId);

    /// <summary>The group with its members (each with its user's roles and customs).</summary>
    ValueTask<Group?> FindGroupAsync(long id);

    ValueTask<long?> FindGroupTenantAsync(long groupId);

    ValueTask<long?> FindDefaultGroupAsync(long tenantId);

    ValueTask<bool> GroupNameTakenAsync(long tenantId, string nameKey, long exceptId);

    ValueTask<long?> InsertGroupAsync(Group group, bool isDefault);

    /// <summary>Name and flags.</summary>
    ValueTask UpdateGroupAsync(Group group);

    /// <summary>Deletes the group with its memberships.</summary>
    ValueTask DeleteGroupAsync(long id);

    ValueTask<bool> HasPrimaryElsewhereAsync(long userId, long groupId);

    /// <summary>Inserts the membership of (group, user) or updates its flags, keeping its id and validity start.</summary>
    ValueTask UpsertMembershipAsync(GroupMembership membership);

    /// <summary>Makes the users primary members of the group: inserted as such, or an existing membership made primary.</summary>
    ValueTask MakePrimaryMembersAsync(long groupId, IReadOnlyList<long> userIds);

    /// <summary>Removes the user's memberships of groups not in <paramref name="groupIds"/>, and makes the rest not primary.</summary>
    ValueTask KeepMembershipsAsync(long userId, IReadOnlyList<long> groupIds);

    /// <summary>Removes the group's memberships of users not in <paramref name="userIds"/>.</summary>
    ValueTask KeepMembersAsync(long groupId, IReadOnlyList<long> userIds);

    ValueTask<bool> AddressTakenAsync(long tenantId, string addressKey, long exceptId);

    ValueTask DeleteExtensionAsync(long id);

    /// <summary>Unlinks the user's extensions whose ids are not in <paramref name="keep"/>.</summary>
    ValueTask UnlinkExtensionsAsync(long userId, IReadOnlyList<long> keep);
}
