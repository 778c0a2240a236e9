using Provisioning.Core.Storage;
using Provisioning.Storage.Sqlite;

namespace Provisioning.Hosting;

/// <summary>Opens the store that Provisioning:Storage names, or says clearly why it cannot.</summary>
public static class StoreFactory
{
    public static IProvisioningStore Open(StorageSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            throw new InvalidOperationException("Provisioning:Storage:ConnectionString is empty: name the database to use.");
        }
        return settings.Provider.ToUpperInvariant() switch
        {
            "SQLITE" => SqliteProvisioningStore.Open(settings.ConnectionString),
            _ => throw new InvalidOperationException($"Provisioning:Storage:Provider '{settings.Provider}' is not known; use Sqlite."),
        };
    }
}
