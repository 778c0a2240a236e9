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
}
