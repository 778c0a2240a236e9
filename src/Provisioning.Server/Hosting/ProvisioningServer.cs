using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using Provisioning.Core.Resilience;
using Provisioning.Core.Security;
using Provisioning.Core.Services;
using Provisioning.Core.Storage;
using Provisioning.Hosting;
using Provisioning.Server.Http;
using Provisioning.Server.Observability;
using Provisioning.Server.Recorders;
using Provisioning.Soap;
using Provisioning.Soap.Binding;
using Provisioning.Soap.Operations;
using Provisioning.Soap.V2;
using Provisioning.Soap.V3;
using Provisioning.Storage.Postgres;
using Provisioning.Storage.Sqlite;

namespace Provisioning.Server.Hosting;

/// <summary>Composes the server from configuration: listeners per version, Core (<see cref="CompositionRoot"/>), the SOAP endpoints.</summary>
public static class ProvisioningServer
{
    /// <summary>Builds the application; <paramref name="configure"/> lets tests add configuration or replace services.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        // Defaults below every other source: ASP.NET Core's two lines per request cost more than a request's own work.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = QuietDefaults });
        // No Activity per request: nothing here traces, and creating one costs every request (the correlation id is the
        // request's TraceIdentifier).
        builder.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.None);
        // The slim builder pins the console formatter to "simple" after reading Logging:Console; binding it once more
        // lets Logging:Console:FormatterName choose json or systemd, as an operator's log shipper needs.
        builder.Services.Configure<ConsoleLoggerOptions>(builder.Configuration.GetSection("Logging:Console"));
        configure?.Invoke(builder);
        var settings = ProvisioningSettings.From(builder.Configuration);
        SettingsValidation.Validate(settings);
        var versions = settings.ParseVersions();
        var template = ListenTemplate.Parse(settings.UrlTemplate);
        var listeners = new VersionListeners();
        builder.WebHost.ConfigureKestrel(kestrel => KestrelSetup.Configure(kestrel, settings, template, versions, listeners));
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(ProvisioningMetrics.MeterName).AddPrometheusExporter());
        AddServices(builder.Services, settings, template, listeners, versions);
        var app = builder.Build();
        Pipeline.Configure(app);
        return app;
    }

    private static readonly Dictionary<string, string?> QuietDefaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    /// <summary>Migrates and bootstraps the store, then starts listening.</summary>
    public static async Task StartAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        var services = app.Services;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProvisioningServer));
        var settings = services.GetRequiredService<ProvisioningSettings>();
        PortCheck.EnsureFree(settings, services.GetRequiredService<ListenTemplate>().Address);
        var store = services.GetRequiredService<IProvisioningStore>();
        if (store is SqliteProvisioningStore sqlite)
        {
            sqlite.CommitObserver = services.GetRequiredService<ProvisioningMetrics>().CommitBatch;
            sqlite.HealthObserver = e => StoreHealthLog.Write(logger, e);
        }
        if (store is PostgresProvisioningStore postgres)
        {
            postgres.OutageObserver = services.GetRequiredService<IOutageObserver>();
        }
        if (settings.Security.PasswordHashIterations < 100_000)
        {
            Log.WeakPasswordHash(logger, settings.Security.PasswordHashIterations);
        }
        await InitializeStoreAsync(services, logger, store, settings, cancellationToken);
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
        if (listeners.ManagementPort is { } management && logger.IsEnabled(LogLevel.Information))
        {
            Log.ManagementListening(logger, $"http://{template.Address}:{management}");
        }
    }

    private static async Task InitializeStoreAsync(IServiceProvider services, ILogger logger, IProvisioningStore store, ProvisioningSettings settings, CancellationToken cancellationToken)
    {
        var location = services.GetRequiredService<DatabaseLocation>();
        if (location.CreatedDirectory is { } created)
        {
            Log.DatabaseDirectoryCreated(logger, created);
        }
        var login = settings.Bootstrap.AdminLogin;
        var init = await StoreInitializer.InitializeAsync(store, services.GetRequiredService<Bootstrapper>(), settings, Caller.System, cancellationToken);
        Log.StorageReady(logger, settings.Storage.Provider, location.Description, init.SchemaVersion);
        if (init.Bootstrap.Created)
        {
            Log.Bootstrapped(logger, login);
        }
        if (init.PasswordFile is { } file)
        {
            Log.GeneratedPasswordFile(logger, login, file);
        }
    }

    private static void AddServices(IServiceCollection services, ProvisioningSettings settings, ListenTemplate template, VersionListeners listeners, IReadOnlyList<int> versions)
    {
        services.AddProvisioning(settings);
        services.AddSingleton(template);
        services.AddSingleton(listeners);
        services.AddSingleton(new XmlLimits(settings.Limits.MaxXmlDepth, settings.Limits.MaxXmlElements, settings.Limits.MaxValueLength));
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
        var proxies = TrustedProxies.From(settings.ForwardedHeaders);
        services.AddSingleton(proxies);
        services.AddSingleton(PublicAddress.From(settings, versions, template, proxies));
        services.AddSingleton<SoapHttpHandler>();
        services.AddSingleton<ManagementEndpoints>();
        services.AddSingleton<RecorderFeedHandler>();
        services.AddSingleton<Scim.ScimUserSearch>();
        services.AddSingleton<Scim.ScimUsers>();
        services.AddSingleton<Scim.ScimGroups>();
        services.AddSingleton<Scim.ScimHandler>();
        services.AddSingleton<ProvisioningMetrics>();
        // Second line of defence: every background task catches and retries on its own; one that still threw would
        // otherwise stop the host, and a stopped server is worse than one without its token gauge.
        services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        services.AddSingleton<IOutageObserver, OutageLog>();
        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILogger<RepeatedErrors>>();
            return new RepeatedErrors(sp.GetRequiredService<TimeProvider>(), (error, count) => Log.Repeated(logger, error, count));
        });
        services.AddHostedService<LiveTokenSampler>();
        services.AddHostedService<TokenPurger>();
        services.AddHostedService<ConfigurationPruner>();
        services.AddHostedService<Audit.AuditSealer>();
        services.AddHostedService<Audit.AuditRetentionLoop>();
        WebConsole.ConsoleSetup.AddConsole(services, CoreOptions.Tokens(settings));
    }
}
