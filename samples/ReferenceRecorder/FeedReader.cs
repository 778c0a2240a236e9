using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ReferenceRecorder;

/// <summary>The recorder's side of the pull feed: full fetch, long poll for changes, and the report of what it applied.</summary>
internal sealed class FeedReader(HttpClient http, Uri server, string name, string secret)
{
    /// <summary>The longest long poll the server grants.</summary>
    public const int WaitSeconds = 60;

    private Uri Configuration => new(server, $"/recorders/{Uri.EscapeDataString(name)}/configuration");

    /// <summary>The whole configuration.</summary>
    public Task<(HttpStatusCode Status, JsonDocument? Body)> FullAsync(CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, Configuration), cancellationToken);

    /// <summary>
    /// The changes after <paramref name="since"/>, as soon as there are any or after a minute (304, no body); 410 when
    /// the server no longer keeps history back to it.
    /// </summary>
    public Task<(HttpStatusCode Status, JsonDocument? Body)> ChangesAsync(long since, CancellationToken cancellationToken)
    {
        var revision = since.ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Configuration + $"?since={revision}&wait={WaitSeconds}"));
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{revision}\""));
        return SendAsync(request, cancellationToken);
    }

    /// <summary>Tells the server which revision runs now.</summary>
    public async Task<HttpStatusCode> AppliedAsync(long revision, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, $"/recorders/{Uri.EscapeDataString(name)}/applied"))
        {
            Content = new StringContent($"{{\"revision\":{revision.ToString(CultureInfo.InvariantCulture)}}}", Encoding.UTF8, "application/json"),
        };
        var (status, body) = await SendAsync(request, cancellationToken);
        body?.Dispose();
        return status;
    }

    private async Task<(HttpStatusCode, JsonDocument?)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (response.StatusCode, null);
            }
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return (response.StatusCode, await JsonDocument.ParseAsync(body, default, cancellationToken));
        }
    }
}
