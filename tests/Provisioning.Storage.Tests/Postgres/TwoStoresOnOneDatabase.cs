using Provisioning.Core.Storage;
using Provisioning.Storage.Postgres;
using Provisioning.Tests.Shared;

namespace Provisioning.Storage.Tests.Postgres;

/// <summary>
/// Two PostgreSQL stores, each with its own connection pool, on one fresh database: what two server instances are to
/// each other. Nothing is opened without PROVISIONING_TEST_PG; the tests then skip, or fail under CI=true.
/// </summary>
public sealed class TwoStoresOnOneDatabase : IAsyncLifetime
{
    private readonly string _name = $"provisioning_twostores_{Guid.NewGuid():N}";
    private PostgresProvisioningStore? _first;
    private PostgresProvisioningStore? _second;
    private string? _connectionString;

    public async Task InitializeAsync()
    {
        if (TestPostgres.ConnectionString is not { } server)
        {
            return;
        }
        var connectionString = _connectionString = await TestPostgres.CreateDatabaseAsync(server, _name);
        _first = PostgresProvisioningStore.Open(connectionString);
        _second = PostgresProvisioningStore.Open(connectionString);
        await Task.WhenAll(_first.MigrateAsync(CancellationToken.None), _second.MigrateAsync(CancellationToken.None));
    }

    /// <summary>The database both stores share.</summary>
    public string ConnectionString => _connectionString!;

    /// <summary>Both stores; skips or fails the calling test when there is no PostgreSQL server.</summary>
    public (IProvisioningStore First, IProvisioningStore Second) Require()
    {
        TestPostgres.Require();
        return (_first!, _second!);
    }

    public async Task DisposeAsync()
    {
        foreach (var store in new[] { _first, _second })
        {
            if (store is not null)
            {
                await store.DisposeAsync();
            }
        }
        if (TestPostgres.ConnectionString is { } server)
        {
            await TestPostgres.DropDatabaseAsync(server, _name);
        }
    }
}
