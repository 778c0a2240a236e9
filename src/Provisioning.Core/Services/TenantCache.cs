using System.Collections.Concurrent;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Services;

/// <summary>
/// Environments by eid, read once: nearly every request names one. Cleared whenever the store reports an environment
/// changed (on any instance); a read that raced a change is not kept.
/// </summary>
public sealed class TenantCache
{
    private readonly ConcurrentDictionary<string, Tenant> _byEid = new(StringComparer.Ordinal);
    private readonly ITenantStore _tenants;
    private long _version;

    public TenantCache(IProvisioningStore store)
    {
        _tenants = store.Tenants;
        store.Changed += change =>
        {
            if (change.Kind == StoreChangeKind.TenantChanged)
            {
                Interlocked.Increment(ref _version);
                _byEid.Clear();
            }
        };
    }

    public async Task<Tenant?> FindByEidAsync(string eid, CancellationToken cancellationToken)
    {
        var key = Keys.Fold(eid);
        if (_byEid.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var version = Interlocked.Read(ref _version);
        var tenant = await _tenants.FindByEidAsync(eid, cancellationToken);
        if (tenant is not null && Interlocked.Read(ref _version) == version)
        {
            _byEid[key] = tenant;
        }
        return tenant;
    }
}
