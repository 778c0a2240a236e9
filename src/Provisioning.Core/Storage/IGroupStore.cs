using Provisioning.Core.Audit;
using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>
/// Groups: the reads of the store, and writes under Core's rules, each audited for its actor. Every environment has one
/// default group; writes keep every user with exactly one primary membership: a change that would leave a user with
/// none or two is refused (<see cref="WriteStatus.Refused"/>), and so is a member of another environment.
/// </summary>
public interface IGroupStore : IGroupReads
{
    /// <summary>Duplicate names <see cref="StoreKey.GroupName"/>; MissingReference a member <see cref="StoreKey.User"/> not in the environment.</summary>
    Task<StoreWrite<Group>> CreateAsync(Group group, AuditActor actor, CancellationToken cancellationToken);

    /// <summary>Replaces name and flags; the members too when <paramref name="replaceMembers"/>.</summary>
    Task<StoreWrite<Group>> UpdateAsync(Group group, bool replaceMembers, AuditActor actor, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a group that is not its environment's default, with its memberships; a user whose primary group it was
    /// becomes a primary member of the default group. Refused for the default group.
    /// </summary>
    Task<StoreWrite<long>> DeleteAsync(long id, AuditActor actor, CancellationToken cancellationToken);
}
