using System.Net;
using System.Net.Sockets;
using Provisioning.Tests.Shared;

namespace Provisioning.Server.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of one test's own, in a temporary folder on a free loopback port, that the test may stop and
/// start again (the shared server of PROVISIONING_TEST_PG is never stopped). Needs the server binaries under
/// /usr/lib/postgresql/*/bin: without them the calling test is skipped locally and fails under CI=true. As root, the
/// cluster runs as the user postgres, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);
    private readonly string _bin;
    private readonly string _directory;

    private PrivatePostgres(string bin, string directory)
    {
        _bin = bin;
        _directory = directory;
    }

    public int Port { get; private set; }

    /// <summary>The superuser on the cluster's own database; loopback connections need no password.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    private string Data => Path.Combine(_directory, "data");

    private static bool AsRoot => Environment.UserName == "root";

    /// <summary>Creates and starts a cluster; skips or fails the calling test when PostgreSQL is not installed.</summary>
    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = FindBinaries();
        if (bin is null)
        {
            const string reason = "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin: this test starts and stops a cluster of its own";
            if (TestPostgres.InCi)
            {
                throw new InvalidOperationException(reason + "; under CI=true .ci/run installs them");
            }
            Skip.If(true, reason);
        }
        var directory = Path.Combine(Path.GetTempPath(), "provisioning-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        if (AsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", directory], directory);
        }
        var cluster = new PrivatePostgres(bin!, directory);
        await cluster.PgAsync("initdb", ["-D", cluster.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
        for (var attempt = 0; ; attempt++)
        {
            cluster.Port = FreePort();
            try
            {
                await cluster.StartAgainAsync();
                return cluster;
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
                // The free port was taken meanwhile; try another.
            }
        }
    }

    /// <summary>Stops the cluster as an operator would for maintenance: sessions are terminated, then it shuts down.</summary>
    public Task StopAsync() => PgAsync("pg_ctl", ["-D", Data, "-m", "fast", "-w", "stop"]);

    /// <summary>Starts the cluster on its port; returns once it accepts connections.</summary>
    public Task StartAgainAsync() => PgAsync("pg_ctl", [
        "-D", Data, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c max_connections=200", "start"]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PgAsync("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // Not running (a test that failed while it was stopped).
        }
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The temporary folder is cleaned by the system.
        }
    }

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderBy(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .LastOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string[] Command(string program) =>
        AsRoot ? ["runuser", "-u", "postgres", "--", Path.Combine(_bin, program)] : [Path.Combine(_bin, program)];

    private Task PgAsync(string program, string[] arguments)
    {
        var command = Command(program);
        return RunAsync(command[0], [.. command[1..], .. arguments], _directory);
    }

    private static async Task RunAsync(string file, string[] arguments, string workingDirectory)
    {
        var (exitCode, output) = await ExternalProgram.RunAsync(file, arguments, CommandTimeout, workingDirectory);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {exitCode}:\n{output}");
        }
    }
}
