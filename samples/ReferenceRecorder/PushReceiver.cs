using System.Text.Json;

namespace ReferenceRecorder;

/// <summary>
/// Receives pushed configurations (POST to the push URL the recorder was registered with): the full configuration as
/// the GET sends it, with X-Provisioning-Revision and X-Provisioning-Signature. A body whose signature does not verify
/// is refused with 401 and changes nothing; a verified one replaces the copy and is answered 204, which the server
/// takes as "applied".
/// </summary>
internal static class PushReceiver
{
    /// <summary>Listens on <paramref name="listen"/> (http, an IP address or a host name; port 0 lets the system choose).</summary>
    public static async Task<WebApplication> StartAsync(Uri listen, string secret, LocalConfiguration copy, Report report, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(listen.GetLeftPart(UriPartial.Authority));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // A full configuration can be large; the copy is kept in memory anyway.
            kestrel.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        app.MapPost(listen.AbsolutePath, context => ReceiveAsync(context, secret, copy, report));
        await app.StartAsync(cancellationToken);
        report.Line($"listening for pushes on {new Uri(new Uri(app.Urls.First()), listen.AbsolutePath)}");
        return app;
    }

    private static async Task ReceiveAsync(HttpContext context, string secret, LocalConfiguration copy, Report report)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        // The signature covers the body only: the revision is taken from the body, not from X-Provisioning-Revision.
        if (!PushSignature.Verify(secret, body.Span, context.Request.Headers[PushSignature.Header].ToString()))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            if (copy.Replace(document.RootElement) is { } applied)
            {
                report.Applied(applied, "push");
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
