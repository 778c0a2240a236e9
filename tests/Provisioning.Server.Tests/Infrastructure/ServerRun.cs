using System.Diagnostics;

namespace Provisioning.Server.Tests.Infrastructure;

/// <summary>A server process expected not to start: run to its end, with its standard output and error apart.</summary>
public static class ServerRun
{
    public sealed record Result(int ExitCode, string Out, string Error)
    {
        /// <summary>The lines written to standard error, without empty ones.</summary>
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}\n--- error\n{Error}";
    }

    /// <summary>Runs the server in <paramref name="directory"/> with the test defaults, then <paramref name="settings"/>, as --key=value arguments.</summary>
    public static async Task<Result> RunAsync(string directory, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var arguments = new List<string> { Path.Combine(AppContext.BaseDirectory, "Provisioning.Server.dll") };
        foreach (var (key, value) in TestServer.Defaults(directory).Concat(settings))
        {
            arguments.Add($"--{key}={value}");
        }
        var info = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["Logging__Console__FormatterName"] = "simple";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        return new Result(process.HasExited ? process.ExitCode : -1, await output, await error);
    }
}
