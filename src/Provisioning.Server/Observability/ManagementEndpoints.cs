using System.Text;
using Provisioning.Core.Storage;
using Provisioning.Server.Hosting;

namespace Provisioning.Server.Observability;

/// <summary>
/// The management port: /healthz (the process answers), /readyz (the database answers), /metrics (Prometheus, served
/// by the OpenTelemetry exporter ahead of this handler).
/// </summary>
internal sealed class ManagementEndpoints(IProvisioningStore store, RepeatedErrors errors, ILogger<ManagementEndpoints> logger)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);
    private int _failing;

    public async Task HandleAsync(HttpContext context)
    {
        switch (context.Request.Path.Value)
        {
            case "/healthz":
                await WriteAsync(context, StatusCodes.Status200OK, "ok");
                return;
            case "/readyz":
                await ReadyAsync(context);
                return;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
        }
    }

    private async Task ReadyAsync(HttpContext context)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await store.PingAsync(timeout.Token);
        }
#pragma warning disable CA1031 // Any failure to reach the database means "not ready"; the reason goes to the server's log.
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
#pragma warning restore CA1031
        {
            NotReady(e is OperationCanceledException ? $"the database did not answer within {ProbeTimeout.TotalSeconds:0} s" : RepeatedErrors.Describe(e));
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "database unreachable");
            return;
        }
        if (Interlocked.Exchange(ref _failing, 0) == 1)
        {
            Log.ReadyAgain(logger);
        }
        await WriteAsync(context, StatusCodes.Status200OK, "ready");
    }

    /// <summary>A balancer probes every few seconds: the reason is logged when it first appears, then summarised per minute.</summary>
    private void NotReady(string reason)
    {
        Interlocked.Exchange(ref _failing, 1);
        if (errors.IsFirst("Not ready: " + reason))
        {
            Log.NotReady(logger, reason);
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text + "\n"), context.RequestAborted);
    }
}
