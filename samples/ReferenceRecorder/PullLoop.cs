using System.Net;
using System.Text.Json;

namespace ReferenceRecorder;

/// <summary>
/// Fetches the configuration in full, then long-polls for changes and applies each delta to the copy, reporting every
/// applied revision to the server. A 410 (history pruned past the copy) means a full fetch again; a broken connection
/// or a server error, a retry after a pause that doubles up to half a minute.
/// </summary>
internal sealed class PullLoop(FeedReader feed, LocalConfiguration copy, Report report, TextWriter errors)
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

    /// <summary>Runs until cancelled (exit code 0) or the server refuses the name or secret (1).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var full = true;
        var pause = FirstPause;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var (status, body) = full || copy.Revision is not { } since
                    ? await feed.FullAsync(cancellationToken)
                    : await feed.ChangesAsync(since, cancellationToken);
                using (body)
                {
                    switch (status)
                    {
                        case HttpStatusCode.OK:
                            await ApplyAsync(body!.RootElement, full, cancellationToken);
                            full = false;
                            break;
                        case HttpStatusCode.NotModified:
                            break;
                        case HttpStatusCode.Gone:
                            full = true;
                            continue;
                        case HttpStatusCode.Unauthorized:
                            await errors.WriteLineAsync("The server refused this recorder's name or secret (401).");
                            return 1;
                        default:
                            throw new HttpRequestException($"The server answered {(int)status} {status}.");
                    }
                }
                pause = FirstPause;
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                await errors.WriteLineAsync($"{e.Message} Trying again in {pause.TotalSeconds:0} s.");
                await Task.Delay(pause, cancellationToken);
                pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
            }
        }
        return 0;
    }

    /// <summary>Applies the answer, reports the revision to the server, then prints it (so the line means both).</summary>
    private async Task ApplyAsync(JsonElement answer, bool full, CancellationToken cancellationToken)
    {
        var state = full ? copy.Replace(answer) : copy.Apply(answer);
        if (state is not { } applied)
        {
            return;
        }
        // A report that fails is not retried: the next applied revision reports again, and the copy is right meanwhile.
        try
        {
            var status = await feed.AppliedAsync(applied.Revision, cancellationToken);
            if (status != HttpStatusCode.NoContent)
            {
                await errors.WriteLineAsync($"Reporting revision {applied.Revision} applied was answered {(int)status} {status}.");
            }
        }
        catch (HttpRequestException e)
        {
            await errors.WriteLineAsync($"Reporting revision {applied.Revision} applied failed: {e.Message}");
        }
        report.Applied(applied, full ? "full" : "delta");
    }
}
