using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Writes;

/// <summary>
/// Storage folders and policies: the store's reads, and the writes with their rules (names unique per environment, a
/// policy's folder in its environment, a used folder kept). A write that reads a folder for its rule locks its row, so
/// deleting a folder and a policy taking it up cannot both pass their checks.
/// </summary>
public sealed class StorageStore(IStorageReads reads, IStoreWriter writer) : IStorageStore
{
    public Task<StorageFolder?> FindFolderAsync(long id, CancellationToken cancellationToken) => reads.FindFolderAsync(id, cancellationToken);

    public Task<StoragePolicy?> FindPolicyAsync(long id, CancellationToken cancellationToken) => reads.FindPolicyAsync(id, cancellationToken);

    public Task<StoragePolicy?> FindPolicyByNameAsync(long tenantId, string name, CancellationToken cancellationToken) =>
        reads.FindPolicyByNameAsync(tenantId, name, cancellationToken);

    public Task<IReadOnlyList<StorageFolder>> ListFoldersAsync(IReadOnlyList<long>? tenantIds, int limit, CancellationToken cancellationToken) =>
        reads.ListFoldersAsync(tenantIds, limit, cancellationToken);

    public Task<IReadOnlyList<StoragePolicy>> ListPoliciesAsync(IReadOnlyList<long>? tenantIds, int limit, CancellationToken cancellationToken) =>
        reads.ListPoliciesAsync(tenantIds, limit, cancellationToken);

    public Task<StoreWrite<StorageFolder>> CreateFolderAsync(StorageFolder folder, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(s => CreateFolderAsync(s, folder, actor), cancellationToken);

    /// <summary>Inside a write that is running already: the environment's default folder is created with it.</summary>
    public static async ValueTask<StoreWrite<StorageFolder>> CreateFolderAsync(IWriteSession s, StorageFolder folder, AuditActor actor)
    {
        if (await s.StorageFolderNameTakenAsync(folder.TenantId, Keys.Fold(folder.Name!), 0) || await s.InsertStorageFolderAsync(folder) is not { } id)
        {
            return StoreWrite<StorageFolder>.Duplicate(StoreKey.StorageFolderName);
        }
        var created = (await s.FindStorageFolderAsync(id, forUpdate: false))!;
        await s.AppendAuditAsync(actor, FolderChange(created, null, created));
        return StoreWrite<StorageFolder>.Ok(created);
    }

    public Task<StoreWrite<StorageFolder>> UpdateFolderAsync(StorageFolder folder, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                var before = await s.FindStorageFolderAsync(folder.Id!.Value, forUpdate: true);
                if (before is null || before.TenantId != folder.TenantId)
                {
                    return StoreWrite<StorageFolder>.NotFound();
                }
                if (await s.StorageFolderNameTakenAsync(folder.TenantId, Keys.Fold(folder.Name!), folder.Id.Value))
                {
                    return StoreWrite<StorageFolder>.Duplicate(StoreKey.StorageFolderName);
                }
                await s.UpdateStorageFolderAsync(folder);
                var after = (await s.FindStorageFolderAsync(folder.Id.Value, forUpdate: false))!;
                await s.AppendAuditAsync(actor, FolderChange(after, before, after));
                return StoreWrite<StorageFolder>.Ok(after);
            },
            cancellationToken);

    public Task<StoreWrite<StorageFolder>> DeleteFolderAsync(long id, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                if (await s.FindStorageFolderAsync(id, forUpdate: true) is not { } before)
                {
                    return StoreWrite<StorageFolder>.NotFound();
                }
                if (await s.FindPolicyUsingFolderAsync(id) is { } policy)
                {
                    return StoreWrite<StorageFolder>.Refused(Failures.FolderInUse(id, policy));
                }
                await s.DeleteStorageFolderAsync(id);
                await s.AppendAuditAsync(actor, FolderChange(before, before, null));
                return StoreWrite<StorageFolder>.Ok(before);
            },
            cancellationToken);

    public Task<StoreWrite<StoragePolicy>> CreatePolicyAsync(StoragePolicy policy, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(s => CreatePolicyAsync(s, policy, actor), cancellationToken);

    /// <summary>Inside a write that is running already: the environment's default policies are created with it.</summary>
    public static async ValueTask<StoreWrite<StoragePolicy>> CreatePolicyAsync(IWriteSession s, StoragePolicy policy, AuditActor actor)
    {
        if (await FolderMissingAsync(s, policy) is { } missing)
        {
            return missing;
        }
        if (await s.StoragePolicyNameTakenAsync(policy.TenantId, Keys.Fold(policy.Name!), 0) || await s.InsertStoragePolicyAsync(policy) is not { } id)
        {
            return StoreWrite<StoragePolicy>.Duplicate(StoreKey.StoragePolicyName);
        }
        var created = (await s.FindStoragePolicyAsync(id))!;
        await s.AppendAuditAsync(actor, PolicyChange(created, null, created));
        return StoreWrite<StoragePolicy>.Ok(created);
    }

    public Task<StoreWrite<StoragePolicy>> UpdatePolicyAsync(StoragePolicy policy, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                var before = await s.FindStoragePolicyAsync(policy.Id!.Value);
                if (before is null || before.TenantId != policy.TenantId)
                {
                    return StoreWrite<StoragePolicy>.NotFound();
                }
                if (await FolderMissingAsync(s, policy) is { } missing)
                {
                    return missing;
                }
                if (await s.StoragePolicyNameTakenAsync(policy.TenantId, Keys.Fold(policy.Name!), policy.Id.Value))
                {
                    return StoreWrite<StoragePolicy>.Duplicate(StoreKey.StoragePolicyName);
                }
                await s.UpdateStoragePolicyAsync(policy);
                var after = (await s.FindStoragePolicyAsync(policy.Id.Value))!;
                await s.AppendAuditAsync(actor, PolicyChange(after, before, after));
                return StoreWrite<StoragePolicy>.Ok(after);
            },
            cancellationToken);

    public Task<StoreWrite<StoragePolicy>> DeletePolicyAsync(long id, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                if (await s.FindStoragePolicyAsync(id) is not { } before)
                {
                    return StoreWrite<StoragePolicy>.NotFound();
                }
                await s.DeleteStoragePolicyAsync(id);
                await s.AppendAuditAsync(actor, PolicyChange(before, before, null));
                return StoreWrite<StoragePolicy>.Ok(before);
            },
            cancellationToken);

    /// <summary>A folder the policy names that is not one of its environment's; its row is locked when it is.</summary>
    private static async ValueTask<StoreWrite<StoragePolicy>?> FolderMissingAsync(IWriteSession s, StoragePolicy policy)
    {
        if (policy.FolderId is not { } folderId)
        {
            return null;
        }
        var folder = await s.FindStorageFolderAsync(folderId, forUpdate: true);
        return folder is null || folder.TenantId != policy.TenantId
            ? StoreWrite<StoragePolicy>.MissingReference(StoreKey.StorageFolder, folderId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    private static AuditChange FolderChange(StorageFolder folder, StorageFolder? before, StorageFolder? after) =>
        new(AuditChange.StorageFolder, folder.Tenant.Eid!, folder.Name!, before, after);

    // The policy's entry names its folder by id; the folder's own fields are the folder's entries.
    private static AuditChange PolicyChange(StoragePolicy policy, StoragePolicy? before, StoragePolicy? after) =>
        new(AuditChange.StoragePolicy, policy.Tenant.Eid!, policy.Name!, before is null ? null : before with { Folder = null }, after is null ? null : after with { Folder = null });
}
