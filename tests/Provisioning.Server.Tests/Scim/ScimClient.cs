using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Scim;

/// <summary>An identity provider's side of SCIM: JSON over HTTP with the bearer token of one environment.</summary>
public sealed class ScimClient(HttpClient http, Uri api, string? token)
{
    public record Answer(HttpStatusCode Status, string Body, string? ContentType, string? ETag, string? Location)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        public string Id => Json.GetProperty("id").GetString()!;

        public int Total => Json.GetProperty("totalResults").GetInt32();

        public IReadOnlyList<JsonElement> Resources => Json.GetProperty(nameof(Resources)).EnumerateArray().ToArray();

        public string? ScimType => Json.TryGetProperty("scimType", out var type) ? type.GetString() : null;

        public string Detail => Json.GetProperty("detail").GetString()!;
    }

    public string? Token => token;

    /// <summary>Creates a token of the environment with the command line on the server's database, as an operator does.</summary>
    public static async Task<ScimClient> ForAsync(TestServer server, string eid, string name = "idp")
    {
        var (exit, output) = await Recorders.Recorders.CliAsync(server, "scim", "tokens", "create", eid, "--name", name, "--json");
        Assert.True(exit == 0, output);
        return new ScimClient(server.Http, server.Url(3), JsonDocument.Parse(output).RootElement.GetProperty("token").GetString()!);
    }

    public ScimClient WithToken(string? other) => new(http, api, other);

    public Task<Answer> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<Answer> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    public Task<Answer> PutAsync(string path, string json, string? ifMatch = null) => SendAsync(HttpMethod.Put, path, json, ifMatch);

    public Task<Answer> PatchAsync(string path, string json, string? ifMatch = null) => SendAsync(HttpMethod.Patch, path, json, ifMatch);

    public Task<Answer> DeleteAsync(string path, string? ifMatch = null) => SendAsync(HttpMethod.Delete, path, null, ifMatch);

    /// <summary>The list a filter selects, the filter escaped into the query as a client does.</summary>
    public Task<Answer> FilterAsync(string resource, string filter, string more = "") =>
        GetAsync($"{resource}?filter={Uri.EscapeDataString(filter)}{more}");

    public async Task<Answer> SendAsync(HttpMethod method, string path, string? json = null, string? ifMatch = null, string mediaType = "application/scim+json")
    {
        using var request = new HttpRequestMessage(method, new Uri(api, "/scim/v2/" + path.TrimStart('/')));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, mediaType);
            // A large body waits for the server's verdict, as HTTP clients do for large uploads; otherwise the server
            // may answer 413 and close the connection while the body is still being sent.
            request.Headers.ExpectContinue = json.Length > 64 * 1024;
        }
        using var response = await http.SendAsync(request);
        return new Answer(
            response.StatusCode,
            await response.Content.ReadAsStringAsync(),
            response.Content.Headers.ContentType?.MediaType,
            response.Headers.ETag?.ToString(),
            response.Headers.Location?.ToString());
    }
}
