using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Sqlite;

/// <summary>getExtension (one environment, one exact address) served from memory while nothing was written since (see <see cref="ReadCache{TKey, TValue}"/>).</summary>
internal sealed class CachedExtensionReads(IExtensionReads reads, SqliteWriter writer) : IExtensionReads
{
    private readonly ReadCache<(long Tenant, string Key), IReadOnlyList<Extension>> _byAddress = new(writer, 50_000);

    public Task<Extension?> FindAsync(ExtensionKey key, CancellationToken cancellationToken) => reads.FindAsync(key, cancellationToken);

    public Task<Extension?> FindByIdAsync(long id, CancellationToken cancellationToken) => reads.FindByIdAsync(id, cancellationToken);

    public async Task<IReadOnlyList<Extension>> ListAsync(ExtensionQuery query, int limit, CancellationToken cancellationToken)
    {
        if (query is not { TenantIds: [var tenant], Address.Exact: true, UserId: null, AfterId: null } || limit > 2)
        {
            return await reads.ListAsync(query, limit, cancellationToken);
        }
        var key = (tenant, query.Address.Key);
        if (_byAddress.TryGet(key, out var cached))
        {
            return cached;
        }
        var generation = _byAddress.Generation;
        var found = await reads.ListAsync(query, limit, cancellationToken);
        _byAddress.Put(key, found, generation);
        return found;
    }
}
