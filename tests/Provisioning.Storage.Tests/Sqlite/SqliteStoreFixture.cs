using System.Collections.Concurrent;
using Provisioning.Core.Storage;
using Provisioning.Storage.Sqlite;
using Provisioning.Storage.Tests.Contract;

namespace Provisioning.Storage.Tests.Sqlite;

/// <summary>
/// Real SQLite files, one per test, in a temporary folder that goes away with the fixture: the store refuses an
/// in-memory database, and durability can only be shown on a file.
/// </summary>
public sealed class SqliteStoreFixture : IStoreFixture, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("provisioning-store-tests-").FullName;
    private readonly ConcurrentDictionary<IProvisioningStore, string> _connectionStrings = new();
    private int _files;

    public async Task<IProvisioningStore> CreateStoreAsync()
    {
        var file = Path.Combine(_folder, $"store-{Interlocked.Increment(ref _files)}.db");
        var store = Open($"Data Source={file}");
        await store.MigrateAsync(CancellationToken.None);
        return store;
    }

    public async Task<IProvisioningStore> ReopenAsync(IProvisioningStore store)
    {
        if (!_connectionStrings.TryRemove(store, out var connectionString))
        {
            throw new ArgumentException("The store was not opened by this fixture.", nameof(store));
        }
        await store.DisposeAsync();
        return Open(connectionString);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private SqliteProvisioningStore Open(string connectionString)
    {
        var store = SqliteProvisioningStore.Open(connectionString);
        _connectionStrings[store] = connectionString;
        return store;
    }
}
