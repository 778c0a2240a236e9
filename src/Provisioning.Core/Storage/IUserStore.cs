using Provisioning.Core.Audit;
using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>
/// Users: the reads of the store, and writes under Core's rules, each audited for its actor. Writes keep at least one
/// unlocked user holding <see cref="Security.Roles.SystemAdministrator"/>: one that would remove the last is refused.
/// </summary>
public interface IUserStore : IUserReads
{
    /// <summary>Duplicate names <see cref="StoreKey.LoginName"/> or an embedded <see cref="StoreKey.Extension"/>; MissingReference names the missing object.</summary>
    Task<StoreWrite<User>> CreateAsync(UserWrite write, AuditActor actor, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the users in one transaction, each as <see cref="CreateAsync"/> would (same checks, same audit entry); one
    /// that is refused is rolled back alone and answered as <see cref="CreateAsync"/> answers it, the others are kept.
    /// Null when a concurrent writer's change broke the transaction: nothing was written, the caller creates them one by one.
    /// </summary>
    Task<IReadOnlyList<StoreWrite<User>>?> CreateAllAsync(IReadOnlyList<UserWrite> writes, AuditActor actor, CancellationToken cancellationToken);

    /// <summary>Replaces the user's fields and lists as given; its extensions no longer listed are unlinked.</summary>
    Task<StoreWrite<User>> UpdateAsync(UserWrite write, AuditActor actor, CancellationToken cancellationToken);

    /// <summary>Deletes the user, its tokens and memberships; its extensions stay, unlinked.</summary>
    Task<StoreWrite<long>> DeleteAsync(long id, AuditActor actor, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="DeleteAsync(long, AuditActor, CancellationToken)"/>, refused with <see cref="Results.Failures.ChangedMeanwhile"/>
    /// when the user as the transaction reads it does not satisfy <paramref name="expected"/>.
    /// </summary>
    Task<StoreWrite<long>> DeleteAsync(long id, Func<User, bool>? expected, AuditActor actor, CancellationToken cancellationToken);
}
