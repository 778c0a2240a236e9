using System.Globalization;
using Provisioning.Bench.Feed;

// The recorder feed benchmark's client. Every result is one line "FEED KIND key=value ..." on standard output, read
// by bench/feed/run.sh; a wrong answer exits 1 with the reason on standard error.
//   full  URL NAME SECRET TIMES            the whole configuration, TIMES over: bytes, seconds, extensions, revision
//   delta URL NAME SECRET SINCE TIMES EXPECTED
//                                          ?since=SINCE, asked until it lists EXPECTED changes, then TIMES over:
//                                          bytes, milliseconds, changes, revision
//   polls URL NAME SECRET COUNT REVISION WAIT
//                                          COUNT long polls ?since=REVISION&wait=WAIT with If-None-Match "REVISION",
//                                          each on its own connection; "FEED polls-sent" once all are sent, then
//                                          one line when all are answered (statuses, first and last answer time)
// URL is the API listener's base, e.g. http://127.0.0.1:7002. Repeated requests run in one process, so that only the
// first pays for the client's own start and compilation.
try
{
    return args switch
    {
        ["full", var url, var name, var secret, var times] => await FeedFetch.FullAsync(new Uri(url), name, secret, Number(times)),
        ["delta", var url, var name, var secret, var since, var times, var expected] =>
            await FeedFetch.DeltaAsync(new Uri(url), name, secret, Number(since), Number(times), Number(expected)),
        ["polls", var url, var name, var secret, var count, var revision, var wait] => await LongPolls.RunAsync(
            new Uri(url), name, secret, (int)Number(count), Number(revision), (int)Number(wait)),
        _ => Usage(),
    };
}
catch (WrongAnswerException e)
{
    await Console.Error.WriteLineAsync($"feed client: {e.Message}");
    return 1;
}

static int Usage()
{
    Console.Error.WriteLine("usage: full URL NAME SECRET TIMES | delta URL NAME SECRET SINCE TIMES EXPECTED | polls URL NAME SECRET COUNT REVISION WAIT");
    return 2;
}

static long Number(string text) => long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
