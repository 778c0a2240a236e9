using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace Provisioning.Server.Scim;

/// <summary>
/// The HTTP side of SCIM: the request body (JSON, application/scim+json or application/json, at most the request limit)
/// and the answers, application/scim+json with ETag and Location where a resource is answered.
/// </summary>
internal static class ScimHttp
{
    public const string ContentType = "application/scim+json; charset=utf-8";
    private static readonly JsonDocumentOptions Parsing = new() { MaxDepth = 32, AllowDuplicateProperties = false };

    /// <summary>The body as JSON, or the error answering it: 415 for another media type, 413 when too large, 400 when not JSON.</summary>
    public static async Task<(JsonNode? Body, ScimError? Error)> ReadAsync(HttpRequest request, long maxBytes)
    {
        var mediaType = (request.ContentType ?? string.Empty).Split(';')[0].Trim();
        if (!mediaType.Equals("application/scim+json", StringComparison.OrdinalIgnoreCase) && !mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, new ScimError(StatusCodes.Status415UnsupportedMediaType, null, "the body must be application/scim+json (or application/json)"));
        }
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            return buffer.Length > maxBytes ? (null, TooLarge(maxBytes)) : (JsonNode.Parse(buffer.ToArray(), documentOptions: Parsing), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }
        catch (JsonException e)
        {
            return (null, ScimError.InvalidSyntax($"the body is not JSON: {e.Message}"));
        }
    }

    public static async Task WriteAsync(HttpContext context, int status, JsonObject? body)
    {
        var response = context.Response;
        response.StatusCode = status;
        if (body is null)
        {
            return;
        }
        response.ContentType = ContentType;
        if (ScimMeta.VersionIn(body) is { } version)
        {
            response.Headers.ETag = version;
        }
        if (status == StatusCodes.Status201Created && (body["meta"] as JsonObject)?["location"]?.GetValue<string>() is { } location)
        {
            response.Headers.Location = location;
        }
        await using var writer = new Utf8JsonWriter(response.BodyWriter);
        body.WriteTo(writer);
        await writer.FlushAsync(context.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext context, ScimError error)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.Error),
            ["status"] = error.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (error.ScimType is not null)
        {
            body["scimType"] = error.ScimType;
        }
        body["detail"] = error.Detail;
        if (error.Status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }
        return WriteAsync(context, error.Status, body);
    }

    public static JsonObject List(IReadOnlyList<JsonObject> resources, int total, int startIndex) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.ListResponse),
        ["totalResults"] = total,
        ["startIndex"] = startIndex,
        ["itemsPerPage"] = resources.Count,
        ["Resources"] = new JsonArray(resources.Select(r => (JsonNode)r).ToArray()),
    };

    private static ScimError TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, null, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the body is larger than {maxBytes} bytes"));
}
