using Provisioning.Core.Audit;

namespace Provisioning.Core.Storage;

/// <summary>
/// One database holding all state. A write returns only after it is durable; constraint violations come back as
/// <see cref="WriteStatus"/> values. Implementations: SQLite (embedded default) and PostgreSQL.
/// </summary>
public interface IProvisioningStore : IAsyncDisposable
{
    ITenantStore Tenants { get; }

    IUserStore Users { get; }

    IExtensionStore Extensions { get; }

    IGroupStore Groups { get; }

    ITokenStore Tokens { get; }

    IAuditStore Audit { get; }

    IRecorderStore Recorders { get; }

    /// <summary>
    /// True when other server instances may write to the same database. Token sessions are then read from the database
    /// on every request, so a release on one instance holds on all of them at once.
    /// </summary>
    bool IsShared { get; }

    /// <summary>
    /// Raised after a change that caches depend on was committed, by this instance or (for a shared database) another;
    /// handlers run on the store's thread and must be quick.
    /// </summary>
    event Action<StoreChange>? Changed;

    /// <summary>Throws when the database cannot be reached now (a fresh connection, not a pooled one); for readiness checks.</summary>
    Task PingAsync(CancellationToken cancellationToken);

    /// <summary>Creates or upgrades the schema; returns the schema version now in place.</summary>
    Task<int> MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The schema version this store migrates to.</summary>
    int LatestSchemaVersion { get; }

    /// <summary>The schema version in place, 0 for an empty database; reads only.</summary>
    Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken);
}
