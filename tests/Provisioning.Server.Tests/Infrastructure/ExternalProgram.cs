using System.Diagnostics;

namespace Provisioning.Server.Tests.Infrastructure;

/// <summary>Runs a program of another toolchain (a SOAP client, a code generator) and collects what it printed.</summary>
public static class ExternalProgram
{
    /// <summary>The full path of an executable on PATH, or null.</summary>
    public static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Runs <paramref name="file"/> to its end or until <paramref name="timeout"/>, when it is killed with its children.
    /// Returns its exit code (-1 after a timeout) and its standard output and error, interleaved as they came.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string file, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // The server under test is on loopback; a proxy configured for the registries must not carry the calls.
        info.Environment["NO_PROXY"] = info.Environment["no_proxy"] = "127.0.0.1,localhost";
        var lines = new List<string>();
        void Collect(string? line)
        {
            if (line is not null)
            {
                lock (lines)
                {
                    lines.Add(line);
                }
            }
        }

        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        var exitCode = -1;
        try
        {
            await process.WaitForExitAsync(cancel.Token);
            exitCode = process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Collect($"[killed after {timeout.TotalSeconds:0} s]");
        }
        lock (lines)
        {
            return (exitCode, string.Join('\n', lines));
        }
    }
}
