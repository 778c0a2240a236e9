using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>
/// Users with their roles, customs, extensions and memberships. Login names are unique per environment ignoring case.
/// Writes keep at least one user holding <see cref="Security.Roles.SystemAdministrator"/>: a write that would remove the
/// last one is refused.
/// </summary>
public interface IUserStore
{
    Task<User?> FindByIdAsync(long id, UserParts parts, CancellationToken cancellationToken);

    Task<User?> FindByLoginAsync(long tenantId, string loginName, UserParts parts, CancellationToken cancellationToken);

    Task<IReadOnlyList<User>> ListAsync(UserQuery query, UserParts parts, int limit, CancellationToken cancellationToken);

    Task<int> CountAsync(UserQuery query, CancellationToken cancellationToken);

    /// <summary>The ids of those of <paramref name="loginNames"/> that are users of the environment, keyed by folded login name.</summary>
    Task<IReadOnlyDictionary<string, long>> FindIdsByLoginAsync(long tenantId, IReadOnlyCollection<string> loginNames, CancellationToken cancellationToken);

    /// <summary>Duplicate names "loginName" or "extension:{address}"; MissingReference names the missing object.</summary>
    Task<StoreWrite<User>> CreateAsync(UserWrite write, CancellationToken cancellationToken);

    /// <summary>Replaces the user's fields and lists as given; its extensions no longer listed are unlinked.</summary>
    Task<StoreWrite<User>> UpdateAsync(UserWrite write, CancellationToken cancellationToken);

    /// <summary>Deletes the user, its tokens and memberships; its extensions stay, unlinked.</summary>
    Task<StoreWrite<long>> DeleteAsync(long id, CancellationToken cancellationToken);
}
