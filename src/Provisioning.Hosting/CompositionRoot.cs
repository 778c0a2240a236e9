using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Provisioning.Core.Audit;
using Provisioning.Core.Import;
using Provisioning.Core.Operator;
using Provisioning.Core.Recorders;
using Provisioning.Core.Scim;
using Provisioning.Core.Security;
using Provisioning.Core.Services;
using Provisioning.Core.Storage;

namespace Provisioning.Hosting;

/// <summary>
/// The one composition root of Core, called by the server and by the command line alike: the settings, the clock, the
/// store the settings name, and every Core service over it, so both hosts run the same rules on the same objects.
/// </summary>
public static class CompositionRoot
{
    /// <summary>
    /// Adds the settings and Core; <paramref name="settings"/> must have passed <see cref="SettingsValidation"/>. The
    /// provider creates the store and the password gate, so disposing it (asynchronously: the store is only
    /// <see cref="IAsyncDisposable"/>) closes them. Throws <see cref="InvalidOperationException"/> for a connection
    /// string its provider refuses.
    /// </summary>
    public static IServiceCollection AddProvisioning(this IServiceCollection services, ProvisioningSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        // Try: a clock a test registered first (a fake one) drives everything instead.
        services.TryAddSingleton(TimeProvider.System);
        AddStore(services, settings.Storage);
        AddSettingsMade(services, settings);
        AddCore(services);
        return services;
    }

    private static void AddStore(IServiceCollection services, StorageSettings storage)
    {
        services.AddSingleton(DatabaseLocation.Of(storage));
        services.AddSingleton<IProvisioningStore>(sp =>
        {
            // The SQLite file's folder must exist before the store opens it, which happens when it is first resolved.
            sp.GetRequiredService<DatabaseLocation>().Prepare();
            return StoreFactory.Open(storage);
        });
    }

    /// <summary>The Core values that come from settings rather than from other services.</summary>
    private static void AddSettingsMade(IServiceCollection services, ProvisioningSettings settings)
    {
        services.AddSingleton(CoreOptions.Hasher(settings));
        services.AddSingleton(CoreOptions.Limits(settings));
        services.AddSingleton(CoreOptions.Storage(settings));
        services.AddSingleton(CoreOptions.Tokens(settings));
        services.AddSingleton(CoreOptions.Recorders(settings));
        services.AddSingleton(CoreOptions.Audit(settings));
        // Made by the provider, not handed to it, so that the provider disposes it.
        services.AddSingleton(sp => CoreOptions.PasswordGate(settings, sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary>By type: the container finds each constructor, so a Core constructor that changes needs no edit here.</summary>
    private static void AddCore(IServiceCollection services)
    {
        services.AddSingleton<SessionCache>();
        services.AddSingleton<LoginCounts>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<TenantCache>();
        services.AddSingleton<TenantAccess>();
        services.AddSingleton<TenantService>();
        services.AddSingleton<UserService>();
        services.AddSingleton<ExtensionService>();
        services.AddSingleton<GroupService>();
        services.AddSingleton<StorageService>();
        services.AddSingleton<StatisticsService>();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<TokenAdministration>();
        services.AddSingleton<StatusService>();
        services.AddSingleton<Bootstrapper>();
        services.AddSingleton<ExtensionImporter>();
        services.AddSingleton<UserImporter>();
        services.AddSingleton<RecorderService>();
        services.AddSingleton<ScimTokenService>();
        services.AddSingleton<ConfigurationSignal>();
        services.AddSingleton<ConfigurationFeed>();
        services.AddSingleton<ConfigurationPush>();
        services.AddSingleton<ConfigurationApplier>();
        services.AddSingleton<AuditArchiver>();
        services.AddSingleton<AuditRetention>();
    }
}
