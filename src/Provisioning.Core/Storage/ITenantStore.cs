using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>Environments. Eid and short name are unique ignoring case.</summary>
public interface ITenantStore
{
    Task<Tenant?> FindByIdAsync(long id, CancellationToken cancellationToken);

    Task<Tenant?> FindByEidAsync(string eid, CancellationToken cancellationToken);

    Task<Tenant?> FindByShortNameAsync(string shortName, CancellationToken cancellationToken);

    Task<IReadOnlyList<Tenant>> ListAsync(TenantQuery query, int limit, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Every environment, by id, with how many users, groups and extensions it holds.</summary>
    Task<IReadOnlyList<TenantCounts>> CountContentsAsync(CancellationToken cancellationToken);

    /// <summary>Creates the environment (and, with groups, its default group); Duplicate names "eid" or "shortName".</summary>
    Task<StoreWrite<Tenant>> CreateAsync(Tenant tenant, CancellationToken cancellationToken);

    /// <summary>Replaces every field but the eid of the environment with <see cref="Tenant.Id"/>.</summary>
    Task<StoreWrite<Tenant>> UpdateAsync(Tenant tenant, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes an environment that holds no users and no extensions, with its groups; Refused while it holds any (the
    /// refusal says how many), NotFound when there is none with that id. Audited as an environment change.
    /// </summary>
    Task<StoreWrite<Tenant>> DeleteAsync(long id, CancellationToken cancellationToken);
}
