using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
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

    public async Task ExecuteAsync(IProvisioningStore store, string sql)
    {
        await using var connection = new SqliteConnection(_connectionStrings[store]);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public string DropAuditTriggers => "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;";

    /// <summary>The copy goes at the end of the table (ids leave no gap in between), where the sealer passes over a row that already has a hash.</summary>
    public string CopyAuditEntry => "INSERT INTO audit_log (at, eid, login, token_id, operation, entity, object_key, before_json, after_json, hash) "
        + "SELECT at, eid, login, token_id, operation, entity, object_key, before_json, after_json, hash FROM audit_log WHERE id = @id";

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private SqliteProvisioningStore Open(string connectionString)
    {
        var store = SqliteProvisioningStore.Open(connectionString);
        _connectionStrings[store] = connectionString;
        return store;
    }
}
