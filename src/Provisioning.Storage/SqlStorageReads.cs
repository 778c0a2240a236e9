using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage;

internal sealed class SqlStorageReads(ISqlDatabase db) : IStorageReads
{
    public Task<StorageFolder?> FindFolderAsync(long id, CancellationToken cancellationToken) =>
        db.ReadAsync(c => StorageRows.FolderAsync(c, id), cancellationToken);

    public Task<StoragePolicy?> FindPolicyAsync(long id, CancellationToken cancellationToken) =>
        db.ReadAsync(c => StorageRows.PolicyAsync(c, id), cancellationToken);

    public Task<StoragePolicy?> FindPolicyByNameAsync(long tenantId, string name, CancellationToken cancellationToken) =>
        db.ReadAsync(
            async c => (await StorageRows.PoliciesAsync(c, "p.tenant_id = @t AND p.name_key = @k", 1, ("@t", tenantId), ("@k", Keys.Fold(name)))) is [var policy] ? policy : null,
            cancellationToken);

    public Task<IReadOnlyList<StorageFolder>> ListFoldersAsync(IReadOnlyList<long>? tenantIds, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<StorageFolder>>(
            async c => await StorageRows.FoldersAsync(c, StorageRows.InTenants(c.Dialect, "f.tenant_id", tenantIds), limit, ("@tenants", tenantIds)),
            cancellationToken);

    public Task<IReadOnlyList<StoragePolicy>> ListPoliciesAsync(IReadOnlyList<long>? tenantIds, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<StoragePolicy>>(
            async c => await StorageRows.PoliciesAsync(c, StorageRows.InTenants(c.Dialect, "p.tenant_id", tenantIds), limit, ("@tenants", tenantIds)),
            cancellationToken);
}
