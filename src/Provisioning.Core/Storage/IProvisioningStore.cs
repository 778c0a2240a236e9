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

    IStorageStore Storage { get; }

    IScimTokenStore ScimTokens { get; }

    /// <summary>True when other server instances may write to the same database and announce their changes through it.</summary>
    bool IsShared { get; }

    /// <summary>
    /// Whether every change another instance committed more than <see cref="Caching.CachePolicy.SharedStaleness"/> ago
    /// has been raised through <see cref="Changed"/> by now. Always true for a store no other instance shares; for a
    /// shared one only while it listens to the others and has confirmed so within that time. Caches of store reads
    /// serve entries only while it is true, and read from the database while it is not.
    /// </summary>
    bool HearsChanges { get; }

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
