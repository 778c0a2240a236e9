using System.Text;
using Provisioning.Core.Storage;

namespace Provisioning.Server.Observability;

/// <summary>
/// The management port: /healthz (the process answers), /readyz (the database answers), /metrics (Prometheus, served
/// by the OpenTelemetry exporter ahead of this handler).
/// </summary>
internal sealed class ManagementEndpoints(IProvisioningStore store)
{
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
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await store.PingAsync(timeout.Token);
            await WriteAsync(context, StatusCodes.Status200OK, "ready");
        }
#pragma warning disable CA1031 // Any failure to reach the database means "not ready"; the reason stays in the server's log.
        catch (Exception)
#pragma warning restore CA1031
        {
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "database unreachable");
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text + "\n"), context.RequestAborted);
    }
}
