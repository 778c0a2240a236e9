using Provisioning.Core.Audit;

namespace Provisioning.Storage.Postgres;

internal sealed class PostgresAuditStore(PostgresDatabase db) : IAuditStore
{
    public Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<AuditEntry>>(async c => await AuditRows.ReadAsync(c, query, limit), cancellationToken);
}
