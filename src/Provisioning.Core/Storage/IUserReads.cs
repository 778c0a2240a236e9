using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>Reading users with their roles, customs, extensions and memberships. Login names are unique per environment ignoring case.</summary>
public interface IUserReads
{
    Task<User?> FindByIdAsync(long id, UserParts parts, CancellationToken cancellationToken);

    Task<User?> FindByLoginAsync(long tenantId, string loginName, UserParts parts, CancellationToken cancellationToken);

    Task<IReadOnlyList<User>> ListAsync(UserQuery query, UserParts parts, int limit, CancellationToken cancellationToken);

    Task<int> CountAsync(UserQuery query, CancellationToken cancellationToken);

    /// <summary>The ids of those of <paramref name="loginNames"/> that are users of the environment, keyed by folded login name.</summary>
    Task<IReadOnlyDictionary<string, long>> FindIdsByLoginAsync(long tenantId, IReadOnlyCollection<string> loginNames, CancellationToken cancellationToken);
}
