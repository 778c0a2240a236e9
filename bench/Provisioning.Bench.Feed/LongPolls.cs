using System.Net.Sockets;
using System.Text;

namespace Provisioning.Bench.Feed;

/// <summary>
/// Many long polls at once, one connection each, on raw sockets: once every request is written, "FEED polls-sent" tells
/// the harness that the server holds them all, so it can measure the server while they wait and then make the change
/// that must wake them. Each answer's arrival time (its first bytes) is kept as Unix nanoseconds, comparable with the
/// harness's <c>date +%s%N</c>.
/// </summary>
public static class LongPolls
{
    public static async Task<int> RunAsync(Uri baseUrl, string name, string secret, int count, long revision, int waitSeconds)
    {
        var request = Encoding.ASCII.GetBytes(
            $"GET /recorders/{Uri.EscapeDataString(name)}/configuration?since={revision}&wait={waitSeconds} HTTP/1.1\r\n"
            + $"Host: {baseUrl.Authority}\r\nAuthorization: Bearer {secret}\r\nIf-None-Match: \"{revision}\"\r\nConnection: close\r\n\r\n");
        var polls = new List<Task<Answer>>(count);
        var sockets = new List<Socket>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                sockets.Add(socket);
                await socket.ConnectAsync(baseUrl.Host, baseUrl.Port);
                await socket.SendAsync(request, SocketFlags.None);
                polls.Add(ReadAnswerAsync(socket));
            }
            FeedFetch.Print($"FEED polls-sent count={count}");
            var all = Task.WhenAll(polls);
            if (await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(waitSeconds + 30))) != all)
            {
                throw new WrongAnswerException($"{polls.Count(p => !p.IsCompleted)} of {count} long polls had no answer {waitSeconds + 30} s after they were sent");
            }
            var answers = await all;
            var statuses = string.Join(' ', answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"status{g.Key}={g.Count()}"));
            FeedFetch.Print($"FEED polls answered={answers.Length} {statuses} first_ns={answers.Min(a => a.AtNs)} "
                + $"last_ns={answers.Max(a => a.AtNs)} bytes={answers.Sum(a => a.Bytes)}");
            return 0;
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    private static async Task<Answer> ReadAnswerAsync(Socket socket)
    {
        var buffer = new byte[16 * 1024];
        var first = await socket.ReceiveAsync(buffer, SocketFlags.None);
        var at = UnixNanoseconds();
        if (first == 0)
        {
            throw new WrongAnswerException("the server closed a long poll without an answer");
        }
        // "HTTP/1.1 200 OK": the status is the second word of the first line.
        var line = Encoding.ASCII.GetString(buffer, 0, Math.Min(first, 64));
        var parts = line.Split(' ', 3);
        var status = parts.Length > 1 && int.TryParse(parts[1], out var code) ? code : 0;
        long bytes = first;
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None)) > 0)
        {
            bytes += read;
        }
        return new Answer(status, at, bytes);
    }

    private static long UnixNanoseconds() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;

    private readonly record struct Answer(int Status, long AtNs, long Bytes);
}
