using System.Globalization;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using Provisioning.Core.Recorders;

namespace Provisioning.Server.Recorders;

/// <summary>
/// The pull feed of recorders on the API listeners (spec §7): GET /recorders/{name}/configuration (full, ?since delta,
/// ?wait long poll, ETag = revision) and POST /recorders/{name}/applied. The recorder authenticates with
/// "Authorization: Bearer SECRET"; anything else, or another recorder's name, is 401 without detail.
/// </summary>
internal sealed class RecorderFeedHandler(ConfigurationFeed feed)
{
    public const string PathPrefix = "/recorders";
    private const int MaxAppliedBytes = 4096;
    private const int FlushBytes = 32 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var segments = (context.Request.Path.Value ?? string.Empty).Trim('/').Split('/');
        if (segments is not ["recorders", { Length: > 0 } name, var action] || action is not ("configuration" or "applied"))
        {
            await Problems.WriteAsync(context, StatusCodes.Status404NotFound, "Not Found");
            return;
        }
        var method = action == "configuration" ? HttpMethods.Get : HttpMethods.Post;
        if (!string.Equals(context.Request.Method, method, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers.Allow = method;
            await Problems.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed");
            return;
        }
        if (await feed.AuthenticateAsync(Uri.UnescapeDataString(name), BearerOf(context.Request), context.RequestAborted) is not { } recorder)
        {
            await Problems.UnauthorizedAsync(context);
            return;
        }
        await (action == "configuration" ? ConfigurationAsync(context, recorder) : AppliedAsync(context, recorder));
    }

    private async Task ConfigurationAsync(HttpContext context, Recorder recorder)
    {
        var query = context.Request.Query;
        var ct = context.RequestAborted;
        if (!TryNumber(query, "since", long.MaxValue, out var since) || !TryNumber(query, "wait", (long)ConfigurationFeed.MaxWait.TotalSeconds, out var wait))
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "Bad Request", "since must be a revision, wait a number of seconds from 0 to 60");
            return;
        }
        var known = KnownRevision(context.Request);
        var revision = wait is { } seconds && known is { } after
            ? await feed.WaitAsync(recorder, after, TimeSpan.FromSeconds(seconds), ct)
            : await feed.RevisionAsync(recorder, ct);
        context.Response.Headers.ETag = Tag(revision);
        context.Response.Headers.CacheControl = "no-store";
        if (known == revision)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        if (since is { } from)
        {
            await DeltaAsync(context, recorder, from);
            return;
        }
        await FullAsync(context, recorder, revision);
    }

    /// <summary>Written as it is read, a page of extensions at a time, so memory does not grow with the configuration.</summary>
    private async Task FullAsync(HttpContext context, Recorder recorder, long revision)
    {
        var ct = context.RequestAborted;
        context.Response.ContentType = "application/json";
        var body = context.Response.BodyWriter;
        await using var w = new Utf8JsonWriter(body, ConfigurationJson.Options);
        await ConfigurationJson.WriteFullAsync(w, recorder.Name, revision, feed.ExtensionsAsync(recorder, ct), FlushBytes, async c => await body.FlushAsync(c), ct);
    }

    private async Task DeltaAsync(HttpContext context, Recorder recorder, long since)
    {
        var ct = context.RequestAborted;
        if (await feed.ChangesAsync(recorder, since, ct) is not { } delta)
        {
            await Problems.WriteAsync(context, StatusCodes.Status410Gone, "Gone", "That revision is older than the kept history: fetch the configuration in full");
            return;
        }
        context.Response.Headers.ETag = Tag(delta.Revision);
        context.Response.ContentType = "application/json";
        await using var w = new Utf8JsonWriter(context.Response.BodyWriter, ConfigurationJson.Options);
        w.WriteStartObject();
        w.WriteString("recorder", recorder.Name);
        w.WriteNumber("revision", delta.Revision);
        w.WriteStartArray("changes");
        foreach (var change in delta.Changes)
        {
            ConfigurationJson.WriteChange(w, change);
        }
        w.WriteEndArray();
        w.WriteEndObject();
        await w.FlushAsync(ct);
    }

    private async Task AppliedAsync(HttpContext context, Recorder recorder)
    {
        if (await ReadRevisionAsync(context) is not { } revision)
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "Bad Request", "The body must be {\"revision\": N} with N a revision");
            return;
        }
        await feed.RecordAppliedAsync(recorder, revision, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static async Task<long?> ReadRevisionAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxAppliedBytes)
        {
            return null;
        }
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            return document.RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("revision", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var revision) && revision >= 0
                ? revision
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    /// <summary>The revision an If-None-Match names ("N", or W/"N"); null when it names none.</summary>
    private static long? KnownRevision(HttpRequest request)
    {
        foreach (var tag in EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags) ? tags : [])
        {
            var text = tag.Tag.Value?.Trim('"');
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
            {
                return revision;
            }
        }
        return null;
    }

    private static bool TryNumber(IQueryCollection query, string name, long max, out long? value)
    {
        value = null;
        if (!query.TryGetValue(name, out var given))
        {
            return true;
        }
        if (long.TryParse(given.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= max)
        {
            value = number;
            return true;
        }
        return false;
    }

    private static string Tag(long revision) => string.Create(CultureInfo.InvariantCulture, $"\"{revision}\"");
}
