using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>The statements of storage folder and policy writes; names are folded by Core.</summary>
public interface IStorageSession
{
    /// <summary>The folder; with <paramref name="forUpdate"/> its row stays locked until the transaction ends, so a policy cannot take it up meanwhile.</summary>
    ValueTask<StorageFolder?> FindStorageFolderAsync(long id, bool forUpdate);

    ValueTask<bool> StorageFolderNameTakenAsync(long tenantId, string nameKey, long exceptId);

    ValueTask<long?> InsertStorageFolderAsync(StorageFolder folder);

    /// <summary>Every field but the environment.</summary>
    ValueTask UpdateStorageFolderAsync(StorageFolder folder);

    ValueTask DeleteStorageFolderAsync(long id);

    /// <summary>The name of a policy that uses the folder, the first by id; null when none does.</summary>
    ValueTask<string?> FindPolicyUsingFolderAsync(long folderId);

    ValueTask<StoragePolicy?> FindStoragePolicyAsync(long id);

    ValueTask<bool> StoragePolicyNameTakenAsync(long tenantId, string nameKey, long exceptId);

    ValueTask<long?> InsertStoragePolicyAsync(StoragePolicy policy);

    /// <summary>Every field but the environment.</summary>
    ValueTask UpdateStoragePolicyAsync(StoragePolicy policy);

    ValueTask DeleteStoragePolicyAsync(long id);
}
