using Microsoft.Data.Sqlite;
using Provisioning.Storage.Sqlite;

namespace Provisioning.Storage.Tests.Sqlite;

/// <summary>A folder of its own for one test's SQLite file: the store opened (and migrated) on it, raw SQL beside the store.</summary>
internal sealed class SqliteFolder(string prefix) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Database => Path.Combine(_folder, "provisioning.db");

    public async Task<SqliteProvisioningStore> OpenAsync()
    {
        var store = SqliteProvisioningStore.Open($"Data Source={Database}");
        await store.MigrateAsync(CancellationToken.None);
        return store;
    }

    /// <summary>On a connection of its own, outside every pool.</summary>
    public void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
