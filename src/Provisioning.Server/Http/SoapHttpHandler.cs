using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Net.Http.Headers;
using Provisioning.Hosting;
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
    PublicAddress publicAddress,
    TrustedProxies proxies,
    ProvisioningSettings settings,
    ProvisioningMetrics metrics,
    RepeatedErrors errors,
    ILogger<SoapHttpHandler> logger)
{
    private const string XmlContentType = "text/xml; charset=utf-8";
    private readonly int _maxRequestBytes = (int)Math.Min(settings.Limits.MaxRequestBytes, Array.MaxLength - 1);

    // One delegate for all requests, resolved only if the operation asks, so a request pays nothing for it otherwise.
    private readonly Func<object?, string> _clientAddress = state => TrustedProxies.ThrottleKey(proxies.ClientAddress((HttpContext)state!));

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

    /// <summary>Whether the body's media type, charset and content coding can be read; if not, answers 415.</summary>
    private static bool Readable(HttpContext context, out Encoding? charset, out ContentCoding coding)
    {
        coding = ContentCoding.Identity;
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            || !type.MediaType.Equals("text/xml", StringComparison.OrdinalIgnoreCase)
            || !RequestCharset.TryResolve(type.Charset, out charset))
        {
            charset = null;
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return false;
        }
        if (!RequestBody.TryCoding(context.Request.Headers.ContentEncoding, out coding))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            context.Response.Headers.AcceptEncoding = "gzip, deflate";
            return false;
        }
        return true;
    }

    private async Task PostAsync(HttpContext context, SoapEndpoint endpoint)
    {
        if (!Readable(context, out var charset, out var coding))
        {
            return;
        }
        RequestBody body;
        try
        {
            body = await RequestBody.ReadAsync(context.Request, context.RequestAborted);
            if (coding != ContentCoding.Identity)
            {
                body = Decoded(body, coding);
            }
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
                outcome = await endpoint.HandleAsync(body.Memory, charset, output, new SoapRequest(context, _clientAddress), context.RequestAborted);
            }
            catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
            {
                LogFault(context.TraceIdentifier, e);
                output.SetLength(0);
                EnvelopeWriter.WriteFault(output, FaultCode.Server, $"Internal server error; correlation id {context.TraceIdentifier}");
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

    private RequestBody Decoded(RequestBody encoded, ContentCoding coding)
    {
        using (encoded)
        {
            return encoded.Decode(coding, _maxRequestBytes);
        }
    }

    /// <summary>
    /// The first fault of a kind is logged with its stack trace; its repeats get one short line each and a summary per
    /// minute. The short line stays because the client was shown the correlation id and quoting it must lead to a
    /// line in the log; at about a sixth of a trace's size, 32,000 faults write some 8 MB (measured, console format)
    /// instead of 48 MB. Raising this category's level to Error keeps the traces and the summaries and drops the lines.
    /// </summary>
    private void LogFault(string correlationId, Exception e)
    {
        var error = RepeatedErrors.Describe(e);
        if (errors.IsFirst(error))
        {
            Log.ServerFault(logger, correlationId, "request", e);
        }
        else
        {
            Log.ServerFaultRepeated(logger, correlationId, "request", error);
        }
    }

    private async Task GetAsync(HttpContext context, SoapEndpoint endpoint)
    {
        var address = publicAddress.For(context, endpoint.Version);
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
