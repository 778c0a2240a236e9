using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Provisioning.Server.Tests.Recorders;

/// <summary>
/// samples/ReferenceRecorder as its own process (dotnet ReferenceRecorder.dll), its secret given in the environment, its
/// copy dumped to a file; the lines it prints are collected, so a test waits for the revision it expects.
/// </summary>
public sealed class RecorderProcess : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _printed = NewSource();

    private RecorderProcess(Process process, string dump)
    {
        _process = process;
        DumpPath = dump;
    }

    public string DumpPath { get; }

    public string Output
    {
        get
        {
            lock (_lock)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    public static RecorderProcess Start(Uri server, FeedClient recorder, params string[] more)
    {
        var dump = Path.Combine(Path.GetTempPath(), $"recorder-{Guid.NewGuid():N}.json");
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ReferenceRecorder.dll"), "--server", server.ToString(), "--name", recorder.Name, "--dump", dump, .. more])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["RECORDER_SECRET"] = recorder.Secret;
        // The server is on loopback; a proxy configured for the registries must not carry the calls.
        info.Environment["NO_PROXY"] = info.Environment["no_proxy"] = "127.0.0.1,localhost";
        var started = new RecorderProcess(Process.Start(info)!, dump);
        started._process.OutputDataReceived += (_, e) => started.Collect(e.Data);
        started._process.ErrorDataReceived += (_, e) => started.Collect(e.Data);
        started._process.BeginOutputReadLine();
        started._process.BeginErrorReadLine();
        return started;
    }

    /// <summary>A loopback URL whose port was free a moment ago, for a recorder registered with it as push URL to listen on.</summary>
    public static Uri FreeLoopbackUrl(string path)
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}{path}");
    }

    /// <summary>The first printed line that <paramref name="match"/> matches, waiting for it (a minute at most, then the test fails).</summary>
    public Task<Match> LineAsync(Regex match) => FirstAsync(l => match.Match(l) is { Success: true } m ? m : null, match.ToString());

    /// <summary>
    /// Waits until the recorder has applied <paramref name="revision"/> or a later one (the line it prints after writing
    /// the dump), by the way given (full, delta, push; any by default); returns the revision of that line.
    /// </summary>
    public async Task<long> AppliedAsync(long revision, string how = @"\w+")
    {
        var applied = new Regex($@"^revision (\d+): \d+ extensions \({how}\)$");
        var line = await FirstAsync(l => applied.Match(l) is { Success: true } m && Revision(m) >= revision ? m : null, $"revision {revision} or later ({how})");
        return Revision(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        File.Delete(DumpPath);
    }

    private async Task<Match> FirstAsync(Func<string, Match?> pick, string what)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            Task printed;
            lock (_lock)
            {
                if (_lines.Select(pick).FirstOrDefault(m => m is not null) is { } found)
                {
                    return found;
                }
                printed = _printed.Task;
            }
            try
            {
                await printed.WaitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"The recorder printed no line for {what} within {Patience.TotalSeconds} s:\n{Output}");
            }
        }
    }

    private static long Revision(Match applied) => long.Parse(applied.Groups[1].Value, CultureInfo.InvariantCulture);

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lock)
        {
            _lines.Add(line);
            _printed.TrySetResult();
            _printed = NewSource();
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
