using System.Diagnostics;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Net.Http.Headers;
using Provisioning.Server.Hosting;
using Provisioning.Server.Observability;
using Provisioning.Soap;
using Provisioning.Soap.Envelope;
using Provisioning.Soap.Wire;

namespace Provisioning.Server.Http;

/// <summary>
/// The HTTP side of every version's endpoint: POST carries SOAP 1.1 (text/xml only, else 415), GET ?wsdl the
/// contract, GET alone a small page. Faults of the server's own making carry a correlation id that is also logged.
/// </summary>
internal sealed class SoapHttpHandler(
    IReadOnlyDictionary<int, SoapEndpoint> endpoints,
    ListenTemplate template,
    TrustedProxies proxies,
    ProvisioningMetrics metrics,
    ILogger<SoapHttpHandler> logger)
{
    private const string XmlContentType = "text/xml; charset=utf-8";

    // One delegate for all requests, resolved only if the operation asks, so a request pays nothing for it otherwise.
    private readonly Func<object?, string> _clientAddress = state => proxies.ClientAddress((HttpContext)state!)?.ToString() ?? "unknown";

    public async Task HandleAsync(HttpContext context)
    {
        var items = context.Features.Get<IConnectionItemsFeature>()?.Items;
        if (items?[VersionListeners.VersionItem] is not int version || !endpoints.TryGetValue(version, out var endpoint))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (!PathMatches(context.Request.Path))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (HttpMethods.IsPost(context.Request.Method))
        {
            await PostAsync(context, endpoint);
        }
        else if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            await GetAsync(context, endpoint);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD, POST";
        }
    }

    private bool PathMatches(PathString path)
    {
        var value = path.Value ?? "/";
        return string.Equals(value.TrimEnd('/'), template.Path.TrimEnd('/'), StringComparison.Ordinal);
    }

    private async Task PostAsync(HttpContext context, SoapEndpoint endpoint)
    {
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            || !type.MediaType.Equals("text/xml", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }
        RequestBody body;
        try
        {
            body = await RequestBody.ReadAsync(context.Request, context.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            context.Response.StatusCode = e.StatusCode;
            return;
        }
        using (body)
        {
            var started = Stopwatch.GetTimestamp();
            var output = ResponseBuffers.Rent();
            SoapOutcome outcome;
            try
            {
                outcome = await endpoint.HandleAsync(body.Memory, output, new SoapRequest(context, _clientAddress), context.RequestAborted);
            }
            catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
            {
                var correlationId = context.TraceIdentifier;
                Log.ServerFault(logger, correlationId, "request", e);
                output.SetLength(0);
                EnvelopeWriter.WriteFault(output, FaultCode.Server, $"Internal server error; correlation id {correlationId}");
                outcome = new SoapOutcome(500, null, FaultCode.Server);
            }
            var elapsed = Stopwatch.GetElapsedTime(started);
            var status = outcome.Fault is { } fault ? "S:" + fault : WireNames.Of(outcome.Status ?? Core.Results.Outcome.General);
            metrics.Request(endpoint.Version, outcome.Operation ?? "(none)", status, elapsed);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                Log.Answered(logger, outcome.Operation ?? "(none)", status, elapsed.TotalMilliseconds);
            }
            context.Response.StatusCode = outcome.HttpStatus;
            context.Response.ContentType = XmlContentType;
            context.Response.ContentLength = output.Length;
            try
            {
                await context.Response.Body.WriteAsync(output.GetBuffer().AsMemory(0, (int)output.Length), context.RequestAborted);
            }
            finally
            {
                ResponseBuffers.Return(output);
            }
        }
    }

    private async Task GetAsync(HttpContext context, SoapEndpoint endpoint)
    {
        var address = $"{context.Request.Scheme}://{context.Request.Host}{template.Path}";
        byte[] bytes;
        if (context.Request.Query.ContainsKey("wsdl"))
        {
            bytes = endpoint.Wsdl.Render(address);
            context.Response.ContentType = XmlContentType;
        }
        else
        {
            bytes = ServicePage.Render(endpoint.Version, address);
            context.Response.ContentType = "text/html; charset=utf-8";
        }
        context.Response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }
}
