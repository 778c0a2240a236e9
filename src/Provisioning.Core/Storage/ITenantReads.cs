using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>Reading environments. Eid and short name are unique ignoring case.</summary>
public interface ITenantReads
{
    Task<Tenant?> FindByIdAsync(long id, CancellationToken cancellationToken);

    Task<Tenant?> FindByEidAsync(string eid, CancellationToken cancellationToken);

    Task<Tenant?> FindByShortNameAsync(string shortName, CancellationToken cancellationToken);

    Task<IReadOnlyList<Tenant>> ListAsync(TenantQuery query, int limit, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Every environment, by id, with how many users, groups and extensions it holds.</summary>
    Task<IReadOnlyList<TenantCounts>> CountContentsAsync(CancellationToken cancellationToken);

    /// <summary>The statistics of the environments <paramref name="tenantIds"/> (null: every one), by id; a token is live when unreleased, unexpired and used within <paramref name="idleTimeout"/> of <paramref name="now"/>.</summary>
    Task<IReadOnlyList<TenantStatistics>> StatisticsAsync(IReadOnlyList<long>? tenantIds, DateTimeOffset now, TimeSpan idleTimeout, CancellationToken cancellationToken);
}
