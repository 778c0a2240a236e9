using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Services;

/// <summary>v3 getStatistics: the counts of every environment the caller may see (an Administrator: its own).</summary>
public sealed class StatisticsService(IProvisioningStore store, TokenOptions tokens, TimeProvider time)
{
    public async Task<Result<IReadOnlyList<TenantStatistics>>> GetAsync(Caller caller, CancellationToken cancellationToken)
    {
        IReadOnlyList<long>? tenants = caller.IsSystemAdministrator ? null : [caller.TenantId];
        var statistics = await store.Tenants.StatisticsAsync(tenants, time.GetUtcNow(), tokens.IdleTimeout, cancellationToken);
        return Result<IReadOnlyList<TenantStatistics>>.Ok(statistics);
    }
}
