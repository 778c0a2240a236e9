using Provisioning.Core.Audit;
using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>
/// Storage folders and policies: the reads of the store, and writes under Core's rules, each audited for its actor.
/// A policy's folder belongs to its environment; a folder a policy uses is not deleted.
/// </summary>
public interface IStorageStore : IStorageReads
{
    /// <summary>Duplicate names <see cref="StoreKey.StorageFolderName"/>.</summary>
    Task<StoreWrite<StorageFolder>> CreateFolderAsync(StorageFolder folder, AuditActor actor, CancellationToken cancellationToken);

    /// <summary>Replaces every field but the environment.</summary>
    Task<StoreWrite<StorageFolder>> UpdateFolderAsync(StorageFolder folder, AuditActor actor, CancellationToken cancellationToken);

    /// <summary>Refused while a policy uses the folder.</summary>
    Task<StoreWrite<StorageFolder>> DeleteFolderAsync(long id, AuditActor actor, CancellationToken cancellationToken);

    /// <summary>Duplicate names <see cref="StoreKey.StoragePolicyName"/>; MissingReference a folder <see cref="StoreKey.StorageFolder"/> not in the environment.</summary>
    Task<StoreWrite<StoragePolicy>> CreatePolicyAsync(StoragePolicy policy, AuditActor actor, CancellationToken cancellationToken);

    /// <summary>Replaces every field but the environment.</summary>
    Task<StoreWrite<StoragePolicy>> UpdatePolicyAsync(StoragePolicy policy, AuditActor actor, CancellationToken cancellationToken);

    Task<StoreWrite<StoragePolicy>> DeletePolicyAsync(long id, AuditActor actor, CancellationToken cancellationToken);
}
