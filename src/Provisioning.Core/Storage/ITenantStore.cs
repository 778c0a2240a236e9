using Provisioning.Core.Audit;
using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>Environments: the reads of the store, and writes under Core's rules, each audited for its actor.</summary>
public interface ITenantStore : ITenantReads
{
    /// <summary>Creates the environment and its default group; Duplicate names <see cref="StoreKey.Eid"/> or <see cref="StoreKey.ShortName"/>.</summary>
    Task<StoreWrite<Tenant>> CreateAsync(Tenant tenant, AuditActor actor, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the environment, its default group and, in the same transaction, its default storage: the folder, and
    /// the policies, those without a folder of their own using it.
    /// </summary>
    Task<StoreWrite<Tenant>> CreateAsync(Tenant tenant, DefaultStorage storage, AuditActor actor, CancellationToken cancellationToken);

    /// <summary>Replaces every field but the eid of the environment with <see cref="Tenant.Id"/>.</summary>
    Task<StoreWrite<Tenant>> UpdateAsync(Tenant tenant, AuditActor actor, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes an environment that holds no users and no extensions, with its groups; Refused while it holds any (the
    /// refusal says how many), NotFound when there is none with that id.
    /// </summary>
    Task<StoreWrite<Tenant>> DeleteAsync(long id, AuditActor actor, CancellationToken cancellationToken);
}
