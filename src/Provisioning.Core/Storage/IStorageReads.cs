using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>Reading storage folders and policies; names are unique per environment ignoring case. A policy carries its folder.</summary>
public interface IStorageReads
{
    Task<StorageFolder?> FindFolderAsync(long id, CancellationToken cancellationToken);

    Task<StoragePolicy?> FindPolicyAsync(long id, CancellationToken cancellationToken);

    Task<StoragePolicy?> FindPolicyByNameAsync(long tenantId, string name, CancellationToken cancellationToken);

    /// <summary>The folders of the environments <paramref name="tenantIds"/> (null: every one), by id.</summary>
    Task<IReadOnlyList<StorageFolder>> ListFoldersAsync(IReadOnlyList<long>? tenantIds, int limit, CancellationToken cancellationToken);

    /// <summary>The policies of the environments <paramref name="tenantIds"/> (null: every one), by id.</summary>
    Task<IReadOnlyList<StoragePolicy>> ListPoliciesAsync(IReadOnlyList<long>? tenantIds, int limit, CancellationToken cancellationToken);
}
