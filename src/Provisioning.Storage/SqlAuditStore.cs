using Provisioning.Core.Audit;

namespace Provisioning.Storage;

internal sealed class SqlAuditStore(ISqlDatabase db) : IAuditStore
{
    public Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<AuditEntry>>(async c => await AuditRows.ReadAsync(c, query, limit), cancellationToken);

    public Task<long> CountAsync(AuditQuery query, CancellationToken cancellationToken) =>
        db.ReadAsync(async c => await AuditRows.CountAsync(c, query), cancellationToken);
}
