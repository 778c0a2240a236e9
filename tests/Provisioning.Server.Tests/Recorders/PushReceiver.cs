using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Provisioning.Server.Tests.Recorders;

/// <summary>
/// Recorders that receive pushes, on a loopback port of their own: /accept/{name} answers 204 and keeps what arrived,
/// /fail/{name} answers 500, /hang/{name} answers only after a minute. <see cref="Refusing"/> is a port nobody listens on.
/// </summary>
public sealed class PushReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PushReceiver(WebApplication app) => _app = app;

    /// <summary>What each recorder under /accept received: headers and exact body bytes, in order.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<Push>> Received { get; } = new();

    public Uri Base { get; private set; } = null!;

    public sealed record Push(string? Revision, string? Signature, string? ContentType, byte[] Body);

    public static async Task<PushReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new PushReceiver(app);
        app.MapPost("/accept/{name}", async (string name, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver.Received.GetOrAdd(name, _ => new()).Enqueue(new Push(
                request.Headers["X-Provisioning-Revision"], request.Headers["X-Provisioning-Signature"], request.ContentType, body.ToArray()));
            return Results.NoContent();
        });
        app.MapPost("/fail/{name}", () => Results.StatusCode(StatusCodes.Status500InternalServerError));
        app.MapPost("/hang/{name}", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromMinutes(1), context.RequestAborted);
            return Results.NoContent();
        });
        await app.StartAsync();
        receiver.Base = new Uri(app.Urls.First());
        return receiver;
    }

    public Uri Url(string path) => new(Base, path);

    /// <summary>A loopback URL whose port was free a moment ago: connecting to it is refused.</summary>
    public static Uri Refusing()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/config");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
