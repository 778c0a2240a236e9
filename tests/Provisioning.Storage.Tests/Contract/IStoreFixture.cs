using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>
/// What the store contract suite needs from one store implementation: databases of its own for each test, and a way to
/// close and open one again, as a restart of the server would.
/// </summary>
public interface IStoreFixture
{
    /// <summary>A migrated store over a fresh, empty database that no other test uses.</summary>
    Task<IProvisioningStore> CreateStoreAsync();

    /// <summary>Disposes <paramref name="store"/> and opens the same database again, without migrating it.</summary>
    Task<IProvisioningStore> ReopenAsync(IProvisioningStore store);

    /// <summary>Runs <paramref name="sql"/> on the store's database past the store, as someone with access to the database would.</summary>
    Task ExecuteAsync(IProvisioningStore store, string sql);

    /// <summary>Drops the triggers that keep the audit log append-only.</summary>
    string DropAuditTriggers { get; }

    /// <summary>Inserts a copy of audit entry @id, hash (and position, where stored) included, as a forger would; the copy gets a new id.</summary>
    string CopyAuditEntry { get; }
}
