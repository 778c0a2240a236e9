using Provisioning.Core.Security;
using Provisioning.Core.Services;
using Provisioning.Core.Storage;

namespace Provisioning.Hosting;

/// <summary>What every host does before it uses a database: migrate the schema, then bootstrap an empty database.</summary>
public static class StoreInitializer
{
    public static async Task<StoreInitialization> InitializeAsync(
        IProvisioningStore store,
        PasswordHasher hasher,
        BootstrapSettings bootstrap,
        CancellationToken cancellationToken)
    {
        var schema = await store.MigrateAsync(cancellationToken);
        var result = await new Bootstrapper(store, hasher).RunAsync(bootstrap.AdminLogin, bootstrap.AdminPassword, cancellationToken);
        return new StoreInitialization(schema, result);
    }
}
