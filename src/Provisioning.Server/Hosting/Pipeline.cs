using Microsoft.AspNetCore.Connections.Features;
using Provisioning.Server.Http;
using Provisioning.Server.Observability;
using Provisioning.Server.Recorders;
using Provisioning.Server.Scim;

namespace Provisioning.Server.Hosting;

/// <summary>
/// The request pipeline: a logging scope with the request's correlation id, then the management endpoints for
/// requests on the management port, the recorder feed under /recorders, SCIM under /scim, and the SOAP handler for everything else.
/// </summary>
internal static class Pipeline
{
    public static void Configure(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Provisioning.Request");
        var soap = app.Services.GetRequiredService<SoapHttpHandler>();
        var management = app.Services.GetRequiredService<ManagementEndpoints>();
        var recorders = app.Services.GetRequiredService<RecorderFeedHandler>();
        var scim = app.Services.GetRequiredService<ScimHandler>();
        app.Use(async (context, next) =>
        {
            using (logger.BeginScope(new CorrelationScope(context.TraceIdentifier)))
            {
                await next(context);
            }
        });
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: context => IsManagement(context) && context.Request.Path == "/metrics",
            path: null,
            configureBranchedPipeline: null,
            optionsName: null);
        WebConsole.ConsoleSetup.Map(app, IsManagement);
        app.Run(context => IsManagement(context) ? management.HandleAsync(context)
            : context.Request.Path.StartsWithSegments(RecorderFeedHandler.PathPrefix, StringComparison.Ordinal) ? recorders.HandleAsync(context)
            : context.Request.Path.StartsWithSegments("/scim", StringComparison.OrdinalIgnoreCase) ? scim.HandleAsync(context)
            : soap.HandleAsync(context));
    }

    private static bool IsManagement(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.ContainsKey(VersionListeners.ManagementItem) == true;
}
