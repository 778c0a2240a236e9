using System.Runtime.InteropServices;
using ReferenceRecorder;

// A reference recorder: keeps an in-memory copy of its configuration from the provisioning server's feed
// (docs/RECORDERS.md) by long polling, and optionally by receiving signed pushes. Stops on Ctrl+C or SIGTERM.
if (RecorderOptions.AsksForHelp(args))
{
    Console.WriteLine(RecorderOptions.Usage);
    return 0;
}
var (options, error) = RecorderOptions.Parse(args, Environment.GetEnvironmentVariable);
if (options is null)
{
    await Console.Error.WriteLineAsync($"{error}\n\n{RecorderOptions.Usage}");
    return 2;
}

using var stop = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

var copy = new LocalConfiguration(options.Name);
var report = new Report(Console.Out, copy, options.Dump);
// The server waits up to a minute before answering a long poll; the client must wait longer.
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(FeedReader.WaitSeconds + 30) };
var feed = new FeedReader(http, options.Server, options.Name, options.Secret);

await using var push = options.Listen is { } listen ? await PushReceiver.StartAsync(listen, options.Secret, copy, report, stop.Token) : null;
try
{
    return await new PullLoop(feed, copy, report, Console.Error).RunAsync(stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    return 0;
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
