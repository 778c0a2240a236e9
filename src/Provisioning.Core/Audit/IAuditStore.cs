namespace Provisioning.Core.Audit;

/// <summary>
/// The audit log. Entries are written by the stores with each change, in the same transaction, from the
/// <see cref="AuditContext"/>; nothing in the API changes or removes them.
/// </summary>
public interface IAuditStore
{
    Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, int limit, CancellationToken cancellationToken);
}
