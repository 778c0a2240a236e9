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
            throw Unusable(e);
        }
    }

    /// <summary>A connection string its provider's parser refused, as a start-up error naming the setting.</summary>
    internal static InvalidOperationException Unusable(ArgumentException e) =>
        new($"Provisioning:Storage:ConnectionString cannot be used: {e.Message}", e);

    private static IProvisioningStore OpenProvider(StorageSettings settings) => settings switch
    {
        _ when IsSqlite(settings) => SqliteProvisioningStore.Open(Required(settings.ConnectionString ?? DefaultSqliteConnectionString, "the SQLite file")),
        // Nothing connects yet: MigrateAsync, first thing at start, fails with the host, port and database it could not reach.
        _ when IsPostgres(settings) => PostgresProvisioningStore.Open(Required(settings.ConnectionString, "the PostgreSQL database (Host=…;Database=…;Username=…;Password=…)")),
        _ => throw new InvalidOperationException($"Provisioning:Storage:Provider '{settings.Provider}' is not known; use Sqlite or Postgres."),
    };

    public static bool IsSqlite(StorageSettings settings) => settings.Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase);

    public static bool IsPostgres(StorageSettings settings) =>
        settings.Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || settings.Provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase);

    private static string Required(string? connectionString, string what) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException($"Provisioning:Storage:ConnectionString is empty: name {what} to use.")
            : connectionString;
}
