using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Durability;

/// <summary>
/// The SQLite file deleted (rm provisioning.db, with or without its -wal and -shm) while clients create extensions.
/// What "no acknowledged write lost" can mean here: a write answered OK before the rm was durable in the file the
/// operator deleted, and stays there (the test keeps a hard link to that file and its WAL, and finds every such write in
/// it); the server's duty is to answer no OK after, because every write it committed into the deleted file would vanish
/// when it stops. So no request that began after the rm gets OK, /readyz says 503, the log says why once, and a restart
/// refuses a -wal without its database (or, when everything was removed, starts on a new empty file).
/// </summary>
public sealed class FileLossTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DeleteDatabase_UnderCreateLoad_NoOkAfterwardsNotReadyAndLoggedOnce(bool withWalAndShm)
    {
        var directory = Directory.CreateTempSubdirectory("provisioning-fileloss-").FullName;
        var database = Path.Combine(directory, "provisioning.db");
        var kept = Path.Combine(directory, "kept.db");
        var settings = new Dictionary<string, string?> { ["Provisioning:Storage:Provider"] = "Sqlite", ["Provisioning:Storage:ConnectionString"] = $"Data Source={database}" };
        CreateLoad load;
        await using (var server = await ServerProcess.StartAsync(directory, settings))
        {
            using var http = new HttpClient();
            var client = new SoapClient(http, server.Url, 2);
            load = CreateLoad.Start(client, await client.TokenAsync(), "gone");
            await load.UntilAcknowledgedAsync(CreateLoad.WritesBeforeFault);
            await LinkAsync(database, kept);
            await LinkAsync(database + "-wal", kept + "-wal");
            File.Delete(database);
            if (withWalAndShm)
            {
                File.Delete(database + "-wal");
                File.Delete(database + "-shm");
            }
            load.Mark();
            var noticed = await ReadinessProbe.UntilAsync(http, server.ManagementUrl("/readyz"), 503);
            await load.UntilFaultsAfterMarkAsync(100);
            await load.DisposeAsync();

            Assert.Empty(load.AcknowledgedAfter);
            Assert.Equal(503, await ReadinessProbe.StatusAsync(http, server.ManagementUrl("/readyz")));
            Assert.Equal(1, ReadinessProbe.Occurrences(server.Output, "No write is accepted from now on"));
            output.WriteLine($"{load.Requests} requests, {load.AcknowledgedBefore.Count} acknowledged before the rm, {load.AcknowledgedAfter.Count} after, "
                + $"{load.Faults} faults; /readyz 503 {noticed.TotalSeconds:0.00} s after the rm");
            await server.KillAsync();
        }
        await AssertRestartAsync(directory, database, settings, withWalAndShm);
        var stored = SqliteFiles.Addresses(kept, "gone-");
        var lost = load.AcknowledgedBefore.Where(a => !stored.Contains(a)).ToArray();
        Assert.True(lost.Length == 0, $"{lost.Length} writes acknowledged before the rm are not in the deleted file, e.g. {string.Join(", ", lost.Take(5))}");
        Assert.Equal("ok", SqliteFiles.IntegrityCheck(kept));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private async Task AssertRestartAsync(string directory, string database, Dictionary<string, string?> settings, bool withWalAndShm)
    {
        if (withWalAndShm)
        {
            // Nothing of the old database is left: the start is a first start, on a new empty file.
            await using var again = await ServerProcess.StartAsync(directory, settings);
            using var http = new HttpClient();
            Assert.Equal(200, await ReadinessProbe.StatusAsync(http, again.ManagementUrl("/readyz")));
            await again.KillAsync();
            return;
        }
        var restart = await ServerRun.RunAsync(directory, settings);
        Assert.True(restart.ExitCode is not 0 and not -1, restart.ToString());
        Assert.Equal($"provisioning: cannot start: the SQLite file {database} is missing but {database}-wal is there: restore the database file it belongs to, or remove {database}-wal and {database}-shm to start with an empty database", Assert.Single(restart.ErrorLines));
        output.WriteLine("restart refused: " + restart.ErrorLines[0]);
    }

    /// <summary>A second name for the file, so its content outlives the rm (as a backup or an open descriptor would).</summary>
    private static async Task LinkAsync(string file, string link)
    {
        var (code, text) = await ExternalProgram.RunAsync("ln", [file, link], TimeSpan.FromSeconds(10));
        Assert.True(code == 0, text);
    }
}
