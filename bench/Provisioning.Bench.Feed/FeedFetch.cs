using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Provisioning.Bench.Feed;

/// <summary>One full fetch or one delta, read as it streams in: only the counts are kept, never the body.</summary>
public static class FeedFetch
{
    public static async Task<int> FullAsync(Uri baseUrl, string name, string secret, long times)
    {
        using var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(10) };
        for (var i = 0; i < times; i++)
        {
            var (bytes, count, revision, elapsed) = await FetchAsync(client, name, secret, string.Empty, "{\"recorder\":", "{\"eid\":");
            Print(string.Create(CultureInfo.InvariantCulture, $"FEED full bytes={bytes} seconds={elapsed.TotalSeconds:F3} extensions={count} revision={revision}"));
        }
        return 0;
    }

    /// <summary>
    /// Asks until the delta lists <paramref name="expected"/> changes (on PostgreSQL a change is served once every older
    /// transaction on the cluster has ended, which others' work can delay), then measures <paramref name="times"/> requests.
    /// </summary>
    public static async Task<int> DeltaAsync(Uri baseUrl, string name, string secret, long since, long times, long expected)
    {
        using var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(10) };
        var waited = Stopwatch.StartNew();
        while ((await FetchAsync(client, name, secret, $"?since={since}", "{\"recorder\":", "{\"op\":")).Count != expected)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new WrongAnswerException($"the delta since {since} did not list {expected} changes within 60 s");
            }
            await Task.Delay(100);
        }
        Print(string.Create(CultureInfo.InvariantCulture, $"FEED delta-served after_ms={waited.Elapsed.TotalMilliseconds:F0}"));
        for (var i = 0; i < times; i++)
        {
            var (bytes, count, revision, elapsed) = await FetchAsync(client, name, secret, $"?since={since}", "{\"recorder\":", "{\"op\":");
            Print(string.Create(CultureInfo.InvariantCulture, $"FEED delta bytes={bytes} ms={elapsed.TotalMilliseconds:F1} changes={count} revision={revision}"));
        }
        return 0;
    }

    private static async Task<(long Bytes, long Count, long Revision, TimeSpan Elapsed)> FetchAsync(
        HttpClient client, string name, string secret, string query, string start, string item)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/recorders/{Uri.EscapeDataString(name)}/configuration{query}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new WrongAnswerException($"GET {request.RequestUri} answered {(int)response.StatusCode}, not 200");
        }
        var counter = new PatternCounter(Encoding.ASCII.GetBytes(item));
        var buffer = new byte[64 * 1024];
        await using var body = await response.Content.ReadAsStreamAsync();
        var head = new List<byte>();
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            if (head.Count < start.Length)
            {
                head.AddRange(buffer.AsSpan(0, Math.Min(read, start.Length - head.Count)).ToArray());
            }
            counter.Add(buffer.AsSpan(0, read));
        }
        clock.Stop();
        if (Encoding.ASCII.GetString(head.ToArray()) != start)
        {
            throw new WrongAnswerException($"the body does not start with {start}");
        }
        return (counter.Bytes, counter.Count, RevisionOf(response), clock.Elapsed);
    }

    /// <summary>The revision the ETag names ("42").</summary>
    public static long RevisionOf(HttpResponseMessage response) =>
        response.Headers.ETag is { } tag && long.TryParse(tag.Tag.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : throw new WrongAnswerException("the answer has no ETag naming a revision");

    public static void Print(string line)
    {
        Console.WriteLine(line);
        Console.Out.Flush();
    }
}
