using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Provisioning.Server.Tests.Recorders;

/// <summary>A recorder reading its feed over HTTP, as a real one would.</summary>
public sealed class FeedClient(HttpClient http, Uri api, string name, string? secret)
{
    public string Name => name;

    public string? Secret => secret;

    public record Answer(HttpStatusCode Status, string? ETag, string ContentType, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        public long Revision => Json.GetProperty("revision").GetInt64();
    }

    public Task<Answer> GetAsync(string query = "", string? ifNoneMatch = null, string? asName = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(api, $"/recorders/{Uri.EscapeDataString(asName ?? name)}/configuration{query}"));
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        return SendAsync(request, cancellationToken);
    }

    public Task<Answer> AppliedAsync(string body) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(api, $"/recorders/{Uri.EscapeDataString(name)}/applied"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        }, CancellationToken.None);

    private async Task<Answer> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            if (secret is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            }
            using var response = await http.SendAsync(request, cancellationToken);
            return new Answer(
                response.StatusCode,
                response.Headers.ETag?.Tag,
                response.Content.Headers.ContentType?.MediaType ?? string.Empty,
                await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }
}
