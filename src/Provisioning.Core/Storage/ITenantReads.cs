using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>Reading environments. Eid and short name are unique ignoring case.</summary>
public interface ITenantReads
{
    Task<Tenant?> FindByIdAsync(long id, CancellationToken cancellationToken);

    Task<Tenant?> FindByEidAsync(string eid, CancellationToken cancellationToken);

    Task<Tenant?> FindByShortNameAsync(string shortName, CancellationToken cancellationToken);

    Task<IReadOnlyList<Tenant>> ListAsync(TenantQuery query, int limit, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Every environment, by id, with how many users, groups and extensions it holds.</summary>
    Task<IReadOnlyList<TenantCounts>> CountContentsAsync(CancellationToken cancellationToken);
}
