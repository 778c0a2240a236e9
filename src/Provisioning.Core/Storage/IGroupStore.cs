using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>
/// Groups and their memberships. Names are unique per environment ignoring case; every environment has one default
/// group. Writes keep every user with exactly one primary membership: a change that would leave a user with none or
/// two is refused (<see cref="WriteStatus.Refused"/>), and so is a member of another environment.
/// </summary>
public interface IGroupStore
{
    /// <summary>The group with its members (each carrying its user, without the user's extensions and memberships).</summary>
    Task<Group?> FindByIdAsync(long id, CancellationToken cancellationToken);

    Task<Group?> FindByNameAsync(long tenantId, string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<Group>> ListAsync(GroupQuery query, int limit, CancellationToken cancellationToken);

    /// <summary>Duplicate names "name"; MissingReference names a member user that is not in the environment.</summary>
    Task<StoreWrite<Group>> CreateAsync(Group group, CancellationToken cancellationToken);

    /// <summary>Replaces name and flags; the members too when <paramref name="replaceMembers"/>.</summary>
    Task<StoreWrite<Group>> UpdateAsync(Group group, bool replaceMembers, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a group that is not its environment's default, with its memberships; a user whose primary group it was
    /// becomes a primary member of the default group. Refused for the default group.
    /// </summary>
    Task<StoreWrite<long>> DeleteAsync(long id, CancellationToken cancellationToken);
}
