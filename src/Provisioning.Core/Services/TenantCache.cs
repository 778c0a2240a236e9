using Provisioning.Core.Caching;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Services;

/// <summary>
/// Environments by eid, read once: nearly every request names one. Cleared whenever the store reports an environment
/// changed (on any instance); a read that raced a change is not kept; entries are served only while the store hears
/// every change (<see cref="IProvisioningStore.HearsChanges"/>), and an entry is read again once it is
/// <see cref="CachePolicy.MaxAge"/> old, for changes made by the command line from another process.
/// </summary>
public sealed class TenantCache
{
    // Only environments that exist are kept, so their number bounds the cache.
    private readonly TimedCache<string, Tenant> _byEid;
    private readonly ITenantStore _tenants;
    private readonly IProvisioningStore _store;

    /// <param name="store">The store whose environments are cached and whose changes evict them.</param>
    /// <param name="time">The clock ages are measured on; the system's when not given.</param>
    public TenantCache(IProvisioningStore store, TimeProvider? time = null)
    {
        _store = store;
        _tenants = store.Tenants;
        _byEid = new TimedCache<string, Tenant>(time ?? TimeProvider.System, CachePolicy.MaxAge, int.MaxValue, StringComparer.Ordinal);
        store.Changed += change =>
        {
            if (change.Kind == StoreChangeKind.TenantChanged)
            {
                _byEid.InvalidateAll();
            }
        };
    }

    public async Task<Tenant?> FindByEidAsync(string eid, CancellationToken cancellationToken)
    {
        var key = Keys.Fold(eid);
        if (_store.HearsChanges && _byEid.TryGet(key, out var cached))
        {
            return cached;
        }
        var generation = _byEid.Generation;
        var tenant = await _tenants.FindByEidAsync(eid, cancellationToken);
        if (tenant is not null)
        {
            _byEid.Put(key, tenant, generation);
        }
        return tenant;
    }
}
