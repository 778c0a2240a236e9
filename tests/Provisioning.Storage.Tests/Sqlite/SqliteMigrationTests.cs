using Microsoft.Data.Sqlite;
using Provisioning.Storage.Sqlite;

namespace Provisioning.Storage.Tests.Sqlite;

/// <summary>The runner applies every migration a file has not had: one numbered below the newest applied still runs.</summary>
public sealed class SqliteMigrationTests : IDisposable
{
    private readonly SqliteFolder _folder = new("provisioning-migration-tests-");

    private string Database => _folder.Database;

    [Fact]
    public async Task Migrate_FileOfTheOldRunnerAtSchema7_ListsItsVersionsAndAddsTheLaterOnes()
    {
        await MigrateAsync();
        Execute(SqliteFolder.UndoCompactAudit + "DROP TABLE scim_tokens; DROP INDEX users_external_id; ALTER TABLE extensions DROP COLUMN phone_type; "
            + "DROP TRIGGER extensions_address_search_insert; DROP TRIGGER extensions_address_search_delete; DROP TRIGGER extensions_address_search_update; "
            + "DROP TABLE extensions_address_search; DROP INDEX extensions_mode; DROP TABLE schema_migrations; PRAGMA user_version = 7;");

        var (version, latest) = await MigrateAsync();

        Assert.Equal(latest, version);
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'scim_tokens'"));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM pragma_table_info('extensions') WHERE name = 'phone_type'"));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'extensions_address_search'"));
        Assert.Equal(Enumerable.Range(1, 8).Select(v => (long)v), Versions().Where(v => v <= 8));
        Assert.Equal((long)latest, Scalar("PRAGMA user_version"));
    }

    [Fact]
    public async Task Migrate_LowerVersionMissingBelowANewerOne_AppliedWithoutTouchingTheOthers()
    {
        await MigrateAsync();
        Execute("DROP TABLE storage_policies; DROP TABLE storage_folders; DELETE FROM schema_migrations WHERE version = 6;");

        var (version, latest) = await MigrateAsync();

        Assert.Equal(latest, version);
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'storage_folders'"));
        Assert.Contains(6L, Versions());
    }

    public void Dispose() => _folder.Dispose();

    private async Task<(int Version, int Latest)> MigrateAsync()
    {
        await using var store = SqliteProvisioningStore.Open($"Data Source={Database}");
        return (await store.MigrateAsync(CancellationToken.None), store.LatestSchemaVersion);
    }

    private void Execute(string sql) => _folder.Execute(sql);

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private List<long> Versions()
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_migrations ORDER BY version";
        using var reader = command.ExecuteReader();
        var versions = new List<long>();
        while (reader.Read())
        {
            versions.Add(reader.GetInt64(0));
        }
        return versions;
    }
}
