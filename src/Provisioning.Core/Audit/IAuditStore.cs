namespace Provisioning.Core.Audit;

/// <summary>
/// The audit log. Entries are written with each change, in the same transaction, for the actor Core passes with it
/// (from the <see cref="Security.Caller"/>); nothing in the API changes or removes them.
/// </summary>
public interface IAuditStore
{
    Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, int limit, CancellationToken cancellationToken);

    /// <summary>How many entries the query selects (its order and paging are ignored).</summary>
    Task<long> CountAsync(AuditQuery query, CancellationToken cancellationToken);
}
