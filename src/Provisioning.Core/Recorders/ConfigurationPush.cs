using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;

namespace Provisioning.Core.Recorders;

/// <summary>
/// Sends a recorder its full configuration (spec §7): a POST of the same JSON document the feed serves, with headers
/// <c>X-Provisioning-Revision</c> and <c>X-Provisioning-Signature: sha256=HEX</c>, HEX being HMAC-SHA256 of the exact
/// body. The key is the SHA-256 of the recorder's secret, which is what the server stores (never the secret), and
/// which the recorder computes from its secret. The body is written once to a temporary file readable only by the
/// server's user, signed, then sent from it, so memory stays flat and the signature covers exactly what is sent.
/// </summary>
public sealed class ConfigurationPush : IDisposable
{
    public const string RevisionHeader = "X-Provisioning-Revision";
    public const string SignatureHeader = "X-Provisioning-Signature";

    private const int FlushBytes = 64 * 1024;

    private readonly ConfigurationFeed _feed;
    private readonly RecorderOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;

    public ConfigurationPush(ConfigurationFeed feed, RecorderOptions options, TimeProvider time)
    {
        _feed = feed;
        _options = options;
        _time = time;
        // No redirects: a push goes where the operator registered it, or fails saying where it was sent instead.
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("provisioning-server", "1"));
    }

    /// <summary>Pushes the configuration at <paramref name="revision"/>; true when the recorder answered 2xx, with what happened in words.</summary>
    public async Task<(bool Delivered, string Message)> SendAsync(Recorder recorder, byte[] secretHash, long revision, CancellationToken cancellationToken)
    {
        var url = recorder.PushUrl ?? throw new ArgumentException("The recorder has no push URL.", nameof(recorder));
        var shown = Shown(url);
        using var timeout = new CancellationTokenSource(_options.PushTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await using var body = TemporaryFile();
            await WriteAsync(body, recorder, revision, linked.Token);
            body.Position = 0;
            var signature = "sha256=" + Convert.ToHexStringLower(await HMACSHA256.HashDataAsync(secretHash, body, linked.Token));
            body.Position = 0;
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StreamContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add(RevisionHeader, revision.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(SignatureHeader, signature);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            return response.IsSuccessStatusCode
                ? (true, $"configuration revision {revision} delivered")
                : (false, $"{shown} answered {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd());
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (false, $"timed out after {_options.PushTimeoutText}");
        }
        catch (HttpRequestException e)
        {
            return (false, Unreachable(e, shown));
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task WriteAsync(FileStream body, Recorder recorder, long revision, CancellationToken cancellationToken)
    {
        await using var w = new Utf8JsonWriter(body, ConfigurationJson.Options);
        await ConfigurationJson.WriteFullAsync(
            w, recorder.Name, revision, _feed.ExtensionsAsync(recorder, cancellationToken), FlushBytes, _ => ValueTask.CompletedTask, cancellationToken);
    }

    private static FileStream TemporaryFile()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        return new FileStream(Path.Combine(Path.GetTempPath(), "provisioning-push-" + Path.GetRandomFileName()), options);
    }

    private static string Unreachable(HttpRequestException e, string url) => e.HttpRequestError switch
    {
        HttpRequestError.ConnectionError when e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } => $"connection refused by {url}",
        HttpRequestError.NameResolutionError => $"the host of {url} was not found",
        HttpRequestError.SecureConnectionError => $"no secure connection to {url}",
        _ => $"{url} could not be reached ({e.HttpRequestError})",
    };

    /// <summary>The URL without user information, which may hold a password.</summary>
    private static string Shown(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.ToString()
            : url;

}
