using Provisioning.Core.Security;
using Provisioning.Core.Services;
using Provisioning.Core.Storage;

namespace Provisioning.Hosting;

/// <summary>What every host does before it uses a database: migrate the schema, then bootstrap an empty database.</summary>
public static class StoreInitializer
{
    public static async Task<StoreInitialization> InitializeAsync(
        IProvisioningStore store,
        Bootstrapper bootstrapper,
        ProvisioningSettings settings,
        Caller by,
        CancellationToken cancellationToken)
    {
        var schema = await store.MigrateAsync(cancellationToken);
        var login = settings.Bootstrap.AdminLogin;
        if (settings.Bootstrap.AdminPassword is { Length: > 0 } configured)
        {
            return new StoreInitialization(schema, await bootstrapper.RunAsync(login, configured, by, cancellationToken), PasswordFile: null);
        }
        if (!await bootstrapper.IsDueAsync(cancellationToken))
        {
            return new StoreInitialization(schema, new BootstrapResult(Created: false), PasswordFile: null);
        }
        // Written before the administrator exists: a start that cannot store the password does not create an account
        // nobody can log in to.
        var password = Bootstrapper.GeneratePassword();
        var file = AdminPasswordFile.Write(settings, password);
        var result = await bootstrapper.RunAsync(login, password, by, cancellationToken);
        if (!result.Created)
        {
            AdminPasswordFile.Withdraw(file, password);
            return new StoreInitialization(schema, result, PasswordFile: null);
        }
        return new StoreInitialization(schema, result, file);
    }
}
