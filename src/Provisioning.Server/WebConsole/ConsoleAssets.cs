using System.Collections.Frozen;
using Microsoft.Net.Http.Headers;

namespace Provisioning.Server.WebConsole;

/// <summary>
/// The console's style sheet and script, embedded in the server: it works offline, with nothing to deploy beside the
/// binary, and the Content-Security-Policy can allow 'self' and nothing inline.
/// </summary>
internal static class ConsoleAssets
{
    private const string Prefix = ConsoleSetup.PathPrefix + "/assets/";

    private static readonly FrozenDictionary<string, (byte[] Bytes, string Type, string ETag)> Files = new[]
    {
        ("console.css", "text/css; charset=utf-8"),
        ("console.js", "text/javascript; charset=utf-8"),
    }.ToFrozenDictionary(f => f.Item1, f => Load(f.Item1, f.Item2));

    public static Task ServeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value!;
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return next(context);
        }
        if (!HttpMethods.IsGet(context.Request.Method) || !Files.TryGetValue(path[Prefix.Length..], out var file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.ETag = file.ETag;
        if (context.Request.Headers.IfNoneMatch == file.ETag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        context.Response.ContentType = file.Type;
        context.Response.ContentLength = file.Bytes.Length;
        return context.Response.Body.WriteAsync(file.Bytes, context.RequestAborted).AsTask();
    }

    private static (byte[], string, string) Load(string name, string type)
    {
        using var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream("Provisioning.Server.WebConsole.Assets." + name)
            ?? throw new InvalidOperationException($"The console asset {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..16];
        return (bytes, type, new EntityTagHeaderValue($"\"{hash}\"").ToString());
    }
}
