using Provisioning.Core.Storage;
using Provisioning.Storage.Postgres;
using Provisioning.Storage.Sqlite;

namespace Provisioning.Hosting;

/// <summary>Opens the store that Provisioning:Storage names, or says clearly why it cannot.</summary>
public static class StoreFactory
{
    public const string DefaultSqliteConnectionString = "Data Source=provisioning.db";

    public static IProvisioningStore Open(StorageSettings settings)
    {
        try
        {
            return OpenProvider(settings);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Provisioning:Storage:ConnectionString cannot be used: {e.Message}", e);
        }
    }

    private static IProvisioningStore OpenProvider(StorageSettings settings) => settings.Provider.ToUpperInvariant() switch
    {
        "SQLITE" => SqliteProvisioningStore.Open(Required(settings.ConnectionString ?? DefaultSqliteConnectionString, "the SQLite file")),
        // Nothing connects yet: MigrateAsync, first thing at start, fails with the host, port and database it could not reach.
        "POSTGRES" or "POSTGRESQL" => PostgresProvisioningStore.Open(Required(settings.ConnectionString, "the PostgreSQL database (Host=…;Database=…;Username=…;Password=…)")),
        _ => throw new InvalidOperationException($"Provisioning:Storage:Provider '{settings.Provider}' is not known; use Sqlite or Postgres."),
    };

    private static string Required(string? connectionString, string what) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException($"Provisioning:Storage:ConnectionString is empty: name {what} to use.")
            : connectionString;
}
