using System.Collections.Concurrent;
using System.Diagnostics;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Services;

/// <summary>
/// Environments by eid, read once: nearly every request names one. Cleared whenever the store reports an environment
/// changed (on any instance); a read that raced a change is not kept; an entry is read again once it is
/// <see cref="Security.SessionCache.MaxAge"/> old, for changes made by the command line from another process.
/// </summary>
public sealed class TenantCache
{
    private readonly ConcurrentDictionary<string, (Tenant Tenant, long ReadAt)> _byEid = new(StringComparer.Ordinal);
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
        if (_byEid.TryGetValue(key, out var cached) && Stopwatch.GetElapsedTime(cached.ReadAt) <= Security.SessionCache.MaxAge)
        {
            return cached.Tenant;
        }
        var version = Interlocked.Read(ref _version);
        var tenant = await _tenants.FindByEidAsync(eid, cancellationToken);
        if (tenant is not null && Interlocked.Read(ref _version) == version)
        {
            _byEid[key] = (tenant, Stopwatch.GetTimestamp());
        }
        return tenant;
    }
}
