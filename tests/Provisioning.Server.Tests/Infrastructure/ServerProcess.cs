using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Provisioning.Server.Tests.Infrastructure;

/// <summary>
/// The server as its own operating-system process (dotnet Provisioning.Server.dll), so a test can kill it with
/// SIGKILL and start it again on the same database.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Uri> _management = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private ServerProcess(Process process)
    {
        _process = process;
    }

    public int Port => _port.Task.Result;

    public Uri Url => new($"http://127.0.0.1:{Port}/provisioning");

    /// <summary>The management listener's /metrics, as the process logged it.</summary>
    public Uri MetricsUrl => new(_management.Task.Result, "/metrics");

    /// <summary>A path on the management listener (/healthz, /readyz, /metrics), as the process logged it.</summary>
    public Uri ManagementUrl(string path) => new(_management.Task.WaitAsync(TimeSpan.FromSeconds(30)).Result, path);

    /// <summary>Everything the process wrote to standard output and error so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>
    /// Starts the server in <paramref name="directory"/> on that folder's test database (<see cref="TestStore"/>), unless
    /// <paramref name="settings"/> name a store of their own (or, with a null connection string, the server's default).
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string directory, IDictionary<string, string?>? settings = null)
    {
        if (settings?.ContainsKey("Provisioning:Storage:ConnectionString") != true)
        {
            await TestStore.PrepareAsync(directory);
        }
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Provisioning.Server.dll")])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in TestServer.Defaults(directory))
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            // A null value leaves the setting to the server's own default.
            if (value is null)
            {
                info.Environment.Remove(key.Replace(":", "__", StringComparison.Ordinal));
                continue;
            }
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        // The log lines the tests read are the simple format's, unless a test asks for another.
        info.Environment.TryAdd("Logging__Console__FormatterName", "simple");
        var server = new ServerProcess(Process.Start(info)!);
        server._process.OutputDataReceived += (_, e) => server.Collect(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Collect(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        var started = await Task.WhenAny(server._port.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        if (started != server._port.Task)
        {
            server._process.Kill();
            throw new InvalidOperationException("The server process did not start listening:\n" + server.Output);
        }
        return server;
    }

    /// <summary>Kills the process with SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>Stops the process as a supervisor would (SIGTERM) and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        var (code, output) = await ExternalProgram.RunAsync("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        Assert.True(code == 0, output);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Add(line);
        }
        if (Listening().Match(line) is { Success: true } match)
        {
            _port.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        if (ManagementListening().Match(line) is { Success: true } management)
        {
            _management.TrySetResult(new Uri(management.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"API version 2 listening on http://127\.0\.0\.1:(\d+)/provisioning")]
    private static partial Regex Listening();

    [GeneratedRegex(@"Management \(.*\) listening on (http://[^\s""]+)")]
    private static partial Regex ManagementListening();
}
