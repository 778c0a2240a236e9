using Npgsql;
using Provisioning.Core.Storage;
using Provisioning.Storage.Postgres;
using Provisioning.Storage.Tests.Contract;
using Provisioning.Tests.Shared;

namespace Provisioning.Storage.Tests.Postgres;

/// <summary>
/// A fresh database per test on the server that PROVISIONING_TEST_PG names, dropped when the test disposes its store.
/// Without that variable each test is skipped with the reason locally, and fails under CI=true; it never falls back
/// to another store.
/// </summary>
public sealed class PostgresStoreFixture : IStoreFixture
{
    public async Task<IProvisioningStore> CreateStoreAsync()
    {
        var server = TestPostgres.Require();
        var name = $"provisioning_store_{Guid.NewGuid():N}";
        var connectionString = await TestPostgres.CreateDatabaseAsync(server, name);
        var store = new OwnedDatabaseStore(PostgresProvisioningStore.Open(connectionString), connectionString, () => TestPostgres.DropDatabaseAsync(server, name));
        await store.MigrateAsync(CancellationToken.None);
        return store;
    }

    public async Task ExecuteAsync(IProvisioningStore store, string sql)
    {
        await using var connection = new NpgsqlConnection(((OwnedDatabaseStore)store).ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public string DropAuditTriggers => "DROP TRIGGER audit_log_no_update ON audit_log; DROP TRIGGER audit_log_no_delete ON audit_log;";

    /// <summary>The copy claims the position of the entry it copies, in the middle of the chain.</summary>
    public string CopyAuditEntry => "INSERT INTO audit_log (at, eid, login, token_id, operation, entity, object_key, before_json, after_json, xid, position, hash) "
        + "SELECT at, eid, login, token_id, operation, entity, object_key, before_json, after_json, xid, position, hash FROM audit_log WHERE id = @id";

    public async Task<IProvisioningStore> ReopenAsync(IProvisioningStore store)
    {
        if (store is not OwnedDatabaseStore owned)
        {
            throw new ArgumentException("The store was not opened by this fixture.", nameof(store));
        }
        await owned.Inner.DisposeAsync();
        return owned with { Inner = PostgresProvisioningStore.Open(owned.ConnectionString) };
    }
}
