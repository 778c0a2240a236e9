using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>Reading groups and their memberships. Names are unique per environment ignoring case.</summary>
public interface IGroupReads
{
    /// <summary>The group with its members (each carrying its user, without the user's extensions and memberships).</summary>
    Task<Group?> FindByIdAsync(long id, CancellationToken cancellationToken);

    Task<Group?> FindByNameAsync(long tenantId, string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<Group>> ListAsync(GroupQuery query, int limit, CancellationToken cancellationToken);
}
