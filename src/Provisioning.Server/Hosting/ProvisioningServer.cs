using Microsoft.Extensions.DependencyInjection.Extensions;
using Provisioning.Core.Security;
using Provisioning.Core.Services;
using Provisioning.Core.Storage;
using Provisioning.Hosting;
using Provisioning.Server.Http;
using Provisioning.Soap;
using Provisioning.Soap.Operations;
using Provisioning.Soap.V2;
using Provisioning.Soap.V3;

namespace Provisioning.Server.Hosting;

/// <summary>Composes the server from configuration: listeners per version, the store, the Core services, the SOAP endpoints.</summary>
public static class ProvisioningServer
{
    /// <summary>Builds the application; <paramref name="configure"/> lets tests add configuration or replace services.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        configure?.Invoke(builder);
        var settings = ProvisioningSettings.From(builder.Configuration);
        var versions = settings.ParseVersions();
        var template = ListenTemplate.Parse(settings.UrlTemplate);
        var listeners = new VersionListeners();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = settings.Limits.MaxRequestBytes;
            foreach (var version in versions)
            {
                var port = settings.PortRangeStart == 0 ? 0 : settings.PortRangeStart + version;
                kestrel.Listen(template.Address, port, listen =>
                {
                    listen.Use(next => connection =>
                    {
                        connection.Items[VersionListeners.VersionItem] = version;
                        return next(connection);
                    });
                    listeners.Add(version, listen);
                });
            }
        });
        AddServices(builder.Services, settings, template, listeners, versions);
        var app = builder.Build();
        var handler = app.Services.GetRequiredService<SoapHttpHandler>();
        app.Run(handler.HandleAsync);
        return app;
    }

    /// <summary>Migrates and bootstraps the store, then starts listening.</summary>
    public static async Task StartAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        var services = app.Services;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProvisioningServer));
        var settings = services.GetRequiredService<ProvisioningSettings>();
        var store = services.GetRequiredService<IProvisioningStore>();
        if (settings.Security.PasswordHashIterations < 100_000)
        {
            Log.WeakPasswordHash(logger, settings.Security.PasswordHashIterations);
        }
        var login = settings.Bootstrap.AdminLogin;
        var init = await StoreInitializer.InitializeAsync(store, services.GetRequiredService<PasswordHasher>(), settings.Bootstrap, cancellationToken);
        Log.StorageReady(logger, settings.Storage.Provider, init.SchemaVersion);
        if (init.Bootstrap.Created)
        {
            Log.Bootstrapped(logger, login);
        }
        if (init.Bootstrap.GeneratedPassword is { } generated)
        {
            Log.GeneratedPassword(logger, login, generated);
        }
        await app.StartAsync(cancellationToken);
        var listeners = services.GetRequiredService<VersionListeners>();
        var template = services.GetRequiredService<ListenTemplate>();
        foreach (var version in listeners.Versions)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                Log.Listening(logger, version, template.UrlFor(listeners.PortOf(version)));
            }
        }
    }

    private static void AddServices(IServiceCollection services, ProvisioningSettings settings, ListenTemplate template, VersionListeners listeners, IReadOnlyList<int> versions)
    {
        services.AddSingleton(settings);
        services.AddSingleton(template);
        services.AddSingleton(listeners);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => StoreFactory.Open(settings.Storage));
        services.AddSingleton(CoreOptions.Hasher(settings));
        services.AddSingleton(CoreOptions.Limits(settings));
        services.AddSingleton(CoreOptions.Tokens(settings));
        services.AddSingleton<TokenService>();
        services.AddSingleton<TenantAccess>();
        services.AddSingleton<TenantService>();
        services.AddSingleton<UserService>();
        services.AddSingleton<ExtensionService>();
        services.AddSingleton<GroupService>();
        services.AddSingleton<SoapServices>();
        services.AddSingleton<IReadOnlyDictionary<int, SoapEndpoint>>(sp =>
        {
            var soap = sp.GetRequiredService<SoapServices>();
            return versions.ToDictionary(v => v, v => v switch
            {
                2 => V2Endpoint.Create(soap),
                3 => V3Endpoint.Create(soap),
                _ => throw new InvalidOperationException($"API version {v} is not served."),
            });
        });
        services.AddSingleton<SoapHttpHandler>();
        services.AddHostedService<TokenPurger>();
    }
}
