using System.Text.Json.Nodes;
using Provisioning.Core.Scim;
using Provisioning.Hosting;
using Provisioning.Server.Http;

namespace Provisioning.Server.Scim;

/// <summary>
/// The SCIM 2.0 service provider under /scim/v2 on the API listeners (docs/SCIM.md): Users, Groups and the discovery
/// documents, for a bearer token of one environment. Every answer, errors included, is SCIM JSON.
/// </summary>
internal sealed class ScimHandler(ScimTokenService tokens, ScimUsers users, ScimGroups groups, TrustedProxies proxies, ProvisioningSettings settings)
{
    public const string PathPrefix = "/scim/v2";

    public async Task HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        if (!context.Request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase, out var rest))
        {
            await ScimHttp.WriteErrorAsync(context, ScimError.NotFound($"SCIM is served under {PathPrefix}"));
            return;
        }
        if (await tokens.AuthenticateAsync(Bearer(context.Request), ct) is not { } token)
        {
            await ScimHttp.WriteErrorAsync(context, new ScimError(StatusCodes.Status401Unauthorized, null, "A valid bearer token of the SCIM service is required"));
            return;
        }
        var segments = (rest.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var outcome = await DispatchAsync(context, token, segments, BaseUrl(context), ct);
        if (outcome.Error is { } error)
        {
            await ScimHttp.WriteErrorAsync(context, error);
            return;
        }
        await ScimHttp.WriteAsync(context, outcome.Status, outcome.Body);
    }

    private async Task<ScimOutcome> DispatchAsync(HttpContext context, ScimToken token, string[] segments, string baseUrl, CancellationToken ct)
    {
        var method = context.Request.Method;
        return (segments, method) switch
        {
            (["ServiceProviderConfig"], "GET") => ScimOutcome.Ok(ScimDiscovery.ServiceProviderConfig(baseUrl)),
            (["Schemas"], "GET") => ListOf(ScimDiscovery.AllSchemas(baseUrl)),
            (["Schemas", var id], "GET") => Found(ScimDiscovery.Schema(id, baseUrl), $"No schema is {id}"),
            (["ResourceTypes"], "GET") => ListOf(ScimDiscovery.AllResourceTypes(baseUrl)),
            (["ResourceTypes", var id], "GET") => Found(ScimDiscovery.ResourceType(id, baseUrl), $"No resource type is {id}"),
            (["Users"], "GET") => await ListAsync(context, (request, c) => users.ListAsync(token, request, baseUrl, c), ct),
            (["Users", ".search"], "POST") => await SearchAsync(context, (request, c) => users.ListAsync(token, request, baseUrl, c), ct),
            (["Users"], "POST") => await WithObjectAsync(context, body => users.CreateAsync(token, body, baseUrl, ct)),
            (["Users", var id], "GET") => Project(context, await users.GetAsync(token, id, baseUrl, ct)),
            (["Users", var id], "PUT") => await WithObjectAsync(context, body => users.ReplaceAsync(token, id, body, IfMatch(context), baseUrl, ct)),
            (["Users", var id], "PATCH") => await WithBodyAsync(context, body => users.PatchAsync(token, id, body, IfMatch(context), baseUrl, ct)),
            (["Users", var id], "DELETE") => await users.DeleteAsync(token, id, IfMatch(context), baseUrl, ct),
            (["Groups"], "GET") => await ListAsync(context, (request, c) => groups.ListAsync(token, request, baseUrl, c), ct),
            (["Groups", ".search"], "POST") => await SearchAsync(context, (request, c) => groups.ListAsync(token, request, baseUrl, c), ct),
            (["Groups"], "POST") => await WithObjectAsync(context, body => groups.CreateAsync(token, body, baseUrl, ct)),
            (["Groups", var id], "GET") => Project(context, await groups.GetAsync(token, id, baseUrl, ct)),
            (["Groups", var id], "PUT") => await WithObjectAsync(context, body => groups.ReplaceAsync(token, id, body, IfMatch(context), baseUrl, ct)),
            (["Groups", var id], "PATCH") => await WithBodyAsync(context, body => groups.PatchAsync(token, id, body, IfMatch(context), baseUrl, ct)),
            (["Groups", var id], "DELETE") => await groups.DeleteAsync(token, id, IfMatch(context), baseUrl, ct),
            (["Me", ..], _) => NotImplemented("/Me is not served: a token belongs to an environment, not to a user"),
            (["Bulk"], _) => NotImplemented("/Bulk is not served (bulk.supported is false): send one request per resource"),
            ([".search"], "POST") => NotImplemented("searching across resource types is not served: POST to /Users/.search or /Groups/.search"),
            (["ServiceProviderConfig" or "Schemas" or "ResourceTypes" or "Users" or "Groups", ..], _) => NotAllowed(context),
            _ => ScimError.NotFound($"{context.Request.Path} is not a SCIM endpoint of this service"),
        };
    }

    private static async Task<ScimOutcome> ListAsync(
        HttpContext context, Func<ScimListRequest, CancellationToken, Task<(ScimPage? Page, ScimError? Error)>> list, CancellationToken ct)
    {
        var (request, invalid) = ScimListRequest.From(context.Request.Query);
        if (request is null)
        {
            return invalid!;
        }
        return await PageAsync(request, list, ct);
    }

    /// <summary>POST …/.search: the query in a SearchRequest body, answered as the GET with that query is (RFC 7644 §3.4.3).</summary>
    private async Task<ScimOutcome> SearchAsync(
        HttpContext context, Func<ScimListRequest, CancellationToken, Task<(ScimPage? Page, ScimError? Error)>> list, CancellationToken ct)
    {
        var (body, error) = await ScimHttp.ReadAsync(context.Request, settings.Limits.MaxRequestBytes);
        if (error is not null)
        {
            return error;
        }
        var (request, invalid) = ScimListRequest.FromSearch(body);
        return request is null ? invalid! : await PageAsync(request, list, ct);
    }

    private static async Task<ScimOutcome> PageAsync(
        ScimListRequest request, Func<ScimListRequest, CancellationToken, Task<(ScimPage? Page, ScimError? Error)>> list, CancellationToken ct)
    {
        var (page, error) = await list(request, ct);
        return page is null
            ? error!
            : ScimOutcome.Ok(ScimHttp.List(page.Resources.Select(request.Projection.Apply).ToArray(), page.TotalResults, request.StartIndex));
    }

    private static ScimError NotImplemented(string detail) => new(StatusCodes.Status501NotImplemented, null, detail);

    private static ScimOutcome ListOf(IReadOnlyList<JsonObject> documents) => ScimOutcome.Ok(ScimHttp.List(documents, documents.Count, 1));

    private static ScimOutcome Found(JsonObject? document, string missing) => document is null ? ScimError.NotFound(missing) : ScimOutcome.Ok(document);

    /// <summary>attributes and excludedAttributes on an answered resource.</summary>
    private static ScimOutcome Project(HttpContext context, ScimOutcome outcome)
    {
        var query = context.Request.Query;
        if (outcome.Body is null || (!query.ContainsKey("attributes") && !query.ContainsKey("excludedAttributes")))
        {
            return outcome;
        }
        var (projection, error) = ScimProjection.Parse(query["attributes"].ToString(), query["excludedAttributes"].ToString());
        return projection is null ? error! : outcome with { Body = projection.Apply(outcome.Body) };
    }

    private async Task<ScimOutcome> WithBodyAsync(HttpContext context, Func<JsonNode?, Task<ScimOutcome>> handle)
    {
        var (body, error) = await ScimHttp.ReadAsync(context.Request, settings.Limits.MaxRequestBytes);
        return error is not null ? error : Project(context, await handle(body));
    }

    private Task<ScimOutcome> WithObjectAsync(HttpContext context, Func<JsonObject, Task<ScimOutcome>> handle) =>
        WithBodyAsync(context, body => body is JsonObject resource ? handle(resource) : Task.FromResult<ScimOutcome>(ScimError.InvalidSyntax("the body must be a JSON object")));

    private static ScimOutcome NotAllowed(HttpContext context)
    {
        context.Response.Headers.Allow = "GET, POST, PUT, PATCH, DELETE";
        return new ScimError(StatusCodes.Status405MethodNotAllowed, null, $"{context.Request.Method} is not allowed on {context.Request.Path}");
    }

    private static string? IfMatch(HttpContext context) => context.Request.Headers.IfMatch.ToString() is { Length: > 0 } value ? value : null;

    private static string? Bearer(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;

    /// <summary>The service's address as the client reaches it: X-Forwarded-* from known proxies, else the request's own.</summary>
    private string BaseUrl(HttpContext context)
    {
        var request = context.Request;
        var origin = proxies.IsTrusted(context.Connection.RemoteIpAddress) && ForwardedOrigin.From(request) is { } forwarded
            ? forwarded
            : $"{request.Scheme}://{request.Host}";
        return origin + PathPrefix;
    }
}
